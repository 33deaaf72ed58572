package com.releaseledger.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * versions through PostgreSQL COPY (each row written once), rejected rows and ignored values beside them.
 * The rows stay invisible to analysis until the file is published whole.
 */
class LedgerRowWriter implements ItemWriter<LedgerRow> {

    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Kind kind;
    private final long fileId;
    private final SourceFileReader reader;
    private final String copySql;
    private final MessageDigest sha256;

    LedgerRowWriter(DataSource dataSource, Kind kind, long fileId, SourceFileReader reader) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.kind = kind;
        this.fileId = fileId;
        this.reader = reader;
        this.copySql = "COPY " + kind.table() + " (file_id, line_no, row_hash, "
                + kind.fields().stream().map(Field::name).collect(Collectors.joining(", "))
                + ") FROM STDIN";
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(Chunk<? extends LedgerRow> chunk) throws Exception {
        StringBuilder copy = new StringBuilder(chunk.size() * 256);
        StringBuilder values = new StringBuilder(256);
        List<Object[]> rejected = new ArrayList<>();
        List<Object[]> notes = new ArrayList<>();
        long lastOrdinal = 0;
        for (LedgerRow row : chunk) {
            lastOrdinal = Math.max(lastOrdinal, row.ordinal());
            if (row instanceof LedgerRow.Accepted accepted) {
                values.setLength(0);
                encodeValues(accepted.values(), values);
                copy.append(fileId).append('\t').append(accepted.line()).append("\t\\\\x")
                        .append(HEX.formatHex(sha256.digest(values.toString().getBytes(StandardCharsets.UTF_8))))
                        .append('\t').append(values).append('\n');
                for (LedgerRow.Note note : accepted.notes()) {
                    notes.add(new Object[] {fileId, accepted.line(), note.field(), note.value(), note.note()});
                }
            } else if (row instanceof LedgerRow.Rejected rejection) {
                rejected.add(new Object[] {fileId, rejection.line(), rejection.raw(), rejection.reason()});
            }
        }
        if (!copy.isEmpty()) {
            copyIn(copy.toString());
        }
        if (!rejected.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO rejected_row (file_id, line_no, raw_text, reason) VALUES (?, ?, ?, ?)",
                    rejected);
        }
        if (!notes.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO ingest_note (file_id, line_no, field, value, note) VALUES (?, ?, ?, ?, ?)",
                    notes);
        }
        String ignored = reader.ignoredColumns().isEmpty() ? null : String.join(", ", reader.ignoredColumns());
        jdbc.update("UPDATE source_file SET rows_read = ?, ignored_columns = ? WHERE file_id = ?",
                lastOrdinal, ignored, fileId);
    }

    private void copyIn(String rows) throws SQLException, IOException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(rows));
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The row's values in COPY text format; also the exact bytes its row hash is taken over. */
    private static void encodeValues(Object[] values, StringBuilder out) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.append("\\N");
            } else if (value instanceof String text) {
                escape(text, out);
            } else if (value instanceof Instant instant) {
                appendTimestamp(instant, out);
            } else if (value instanceof Boolean flag) {
                out.append(flag ? 't' : 'f');
            } else if (value instanceof BigDecimal number) {
                out.append(number.toPlainString());
            } else {
                out.append(value);
            }
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]+00}, which PostgreSQL reads as timestamptz (Instant.toString is slow). */
    private static void appendTimestamp(Instant instant, StringBuilder out) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1 || year > 9999) {
            out.append(instant); // outside four-digit years: the general form
            return;
        }
        pad(year, 4, out).append('-');
        pad(utc.getMonthValue(), 2, out).append('-');
        pad(utc.getDayOfMonth(), 2, out).append(' ');
        pad(utc.getHour(), 2, out).append(':');
        pad(utc.getMinute(), 2, out).append(':');
        pad(utc.getSecond(), 2, out);
        int micros = utc.getNano() / 1000;
        if (micros != 0) {
            pad(micros, 6, out.append('.'));
        }
        out.append("+00");
    }

    private static StringBuilder pad(int value, int width, StringBuilder out) {
        for (int divisor = (int) Math.pow(10, width - 1); divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                return true;
            }
        }
        return false;
    }

    private static void escape(String text, StringBuilder out) {
        if (!needsEscape(text)) {
            out.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
    }
}
