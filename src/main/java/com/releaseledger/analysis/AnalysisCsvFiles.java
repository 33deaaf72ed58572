package com.releaseledger.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.releaseledger.kernel.ReadSnapshot;

/**
 * Writes a stored run's {@code metrics.csv}, {@code findings.csv} and {@code pending.csv} exactly as DESIGN.md
 * section 7 defines them: UTF-8, a header row, {@code \n} line ends, sorted on the text as written, text from
 * input guarded against formulas. Rows stream from the database; the same run always gives the same bytes.
 */
@Component
public class AnalysisCsvFiles {

    public static final List<String> FILES = List.of("metrics.csv", "findings.csv", "pending.csv");

    /** The format of every CSV output: RFC 4180 with {@code \n} line ends (DESIGN.md section 7). */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final String[] METRIC_COLUMNS = {"period", "scope", "scope_id", "metric", "value", "unit",
            "numerator", "denominator", "band"};
    private static final String[] FINDING_COLUMNS = {"rule_id", "severity", "service", "team", "deployment_id",
            "change_id", "incident_id", "occurred_at", "detail"};

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    AnalysisCsvFiles(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = ReadSnapshot.streaming(dataSource);
        this.snapshot = ReadSnapshot.transaction(transactionManager);
    }

    /** Writes the three files of a run into {@code folder} (each written whole, then moved into place). */
    public List<Path> write(long runId, Path folder) {
        return snapshot.execute(status -> {
            try {
                Files.createDirectories(folder);
                return List.of(metrics(runId, folder.resolve("metrics.csv")),
                        findings(runId, false, folder.resolve("findings.csv")),
                        findings(runId, true, folder.resolve("pending.csv")));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write into " + folder + ": " + e.getMessage(), e);
            }
        });
    }

    private Path metrics(long runId, Path file) throws IOException {
        return writeAtomically(file, METRIC_COLUMNS, printer -> jdbc.query("""
                SELECT r.period, m.scope, csv_text(m.scope_id) AS scope_id, m.metric, m.value, m.unit, m.numerator,
                       m.denominator, m.band
                FROM metric_value m JOIN analysis_run r ON r.run_id = m.run_id
                WHERE m.run_id = :run_id
                ORDER BY CASE m.scope WHEN 'org' THEN 0 WHEN 'team' THEN 1 ELSE 2 END,
                         csv_text(m.scope_id) COLLATE "C", m.metric COLLATE "C"
                """, new MapSqlParameterSource("run_id", runId), rs -> {
                    print(printer, rs.getString("period"), rs.getString("scope"), rs.getString("scope_id"),
                            rs.getString("metric"), Numbers.forCsv(rs.getBigDecimal("value")), rs.getString("unit"),
                            Numbers.forCsv(rs.getBigDecimal("numerator")),
                            Numbers.forCsv(rs.getBigDecimal("denominator")),
                            rs.getBigDecimal("value") == null ? null : rs.getString("band"));
                }));
    }

    private Path findings(long runId, boolean pending, Path file) throws IOException {
        return writeAtomically(file, FINDING_COLUMNS, printer -> jdbc.query("""
                SELECT rule_id, severity, csv_text(service) AS service, csv_text(team) AS team,
                       csv_text(deployment_id) AS deployment_id, csv_text(change_id) AS change_id,
                       csv_text(incident_id) AS incident_id,
                       to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS occurred_at,
                       csv_text(detail) AS detail
                FROM finding
                WHERE run_id = :run_id AND pending = :pending
                ORDER BY rule_id COLLATE "C", date_trunc('second', occurred_at), coalesce(csv_text(deployment_id), '') COLLATE "C",
                         coalesce(csv_text(change_id), '') COLLATE "C", coalesce(csv_text(incident_id), '') COLLATE "C",
                         detail COLLATE "C"
                """, new MapSqlParameterSource("run_id", runId).addValue("pending", pending), rs -> {
                    print(printer, rs.getString("rule_id"), rs.getString("severity"), rs.getString("service"),
                            rs.getString("team"), rs.getString("deployment_id"), rs.getString("change_id"),
                            rs.getString("incident_id"), rs.getString("occurred_at"), rs.getString("detail"));
                }));
    }

    /**
     * A text value as the CSV outputs write it, for text formatted outside SQL: the ledger's {@code csv_text}
     * (sql/migrations/V3__analysis.sql), which gives text starting with {@code =}, {@code +}, {@code -}, {@code @},
     * a tab or a carriage return a leading {@code '} so that a spreadsheet cannot take it for a formula.
     */
    public static String guard(String value) {
        return value == null || value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
    }

    private interface Rows {
        void print(CSVPrinter printer);
    }

    private static Path writeAtomically(Path file, String[] header, Rows rows) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            printer.printRecord((Object[]) header);
            rows.print(printer);
        }
        return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void print(CSVPrinter printer, Object... values) {
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
