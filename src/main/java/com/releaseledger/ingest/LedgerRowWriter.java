package com.releaseledger.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of validated rows in the step's transaction: accepted rows straight into the kind's table of
 * versions through PostgreSQL COPY (each row written once, as the reader's thread encoded it), rejected rows and
 * ignored values beside them. The rows stay invisible to analysis until the file is published whole.
 */
class LedgerRowWriter implements ItemWriter<LedgerRow> {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final long fileId;
    private final SourceFileReader reader;
    private final String copySql;

    LedgerRowWriter(DataSource dataSource, Kind kind, long fileId, SourceFileReader reader) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.fileId = fileId;
        this.reader = reader;
        this.copySql = "COPY " + kind.table() + " (file_id, line_no, row_hash, "
                + kind.fields().stream().map(field -> '"' + field.name() + '"') // "group" is a keyword
                        .collect(Collectors.joining(", "))
                + ") FROM STDIN";
    }

    @Override
    public void write(Chunk<? extends LedgerRow> chunk) throws Exception {
        StringBuilder copy = new StringBuilder(chunk.size() * 256);
        List<Object[]> rejected = new ArrayList<>();
        List<Object[]> notes = new ArrayList<>();
        long lastOrdinal = 0;
        for (LedgerRow row : chunk) {
            lastOrdinal = Math.max(lastOrdinal, row.ordinal());
            if (row instanceof LedgerRow.Accepted accepted) {
                copy.append(accepted.copyLine());
                for (LedgerRow.Note note : accepted.notes()) {
                    notes.add(new Object[] {fileId, accepted.line(), accepted.ordinal(), note.field(), note.value(),
                            note.note()});
                }
            } else if (row instanceof LedgerRow.Rejected rejection) {
                // a rejected row is kept whole, as evidence, even when it holds what PostgreSQL cannot store
                rejected.add(new Object[] {fileId, rejection.line(), rejection.ordinal(), storable(rejection.raw()),
                        storable(rejection.reason())});
            }
        }
        if (!copy.isEmpty()) {
            copyIn(copy.toString());
        }
        if (!rejected.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO rejected_row (file_id, line_no, record_no, raw_text, reason) VALUES (?, ?, ?, ?, ?)",
                    rejected);
        }
        if (!notes.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO ingest_note (file_id, line_no, record_no, field, value, note)"
                    + " VALUES (?, ?, ?, ?, ?, ?)",
                    notes);
        }
        String ignored = reader.ignoredColumns().isEmpty() ? null
                : storable(String.join(", ", reader.ignoredColumns()));
        jdbc.update("UPDATE source_file SET rows_read = ?, ignored_columns = ? WHERE file_id = ?",
                lastOrdinal, ignored, fileId);
    }

    /**
     * Text as the ledger can store it: a NUL as the visible symbol for it (U+2400) and half of a surrogate pair as
     * the replacement character (U+FFFD); everything else as it is.
     */
    static String storable(String text) {
        if (text == null || RowValidator.unstorableText(text) == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                out.append('\u2400');
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    private void copyIn(String rows) throws SQLException, IOException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(rows));
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
