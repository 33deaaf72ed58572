package com.releaseledger.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestRequest;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.ingest.Kind;

/**
 * Hand-written ledgers for the analysis tests: each kind's rows as CSV text (header included), ingested in the
 * order of the conformance case, then analysed; results read back from the stored run.
 */
final class AnalysisFixture {

    private final Path dir;
    private final IngestService ingest;
    private final AnalysisService analysis;
    private final JdbcTemplate jdbc;
    private int files;

    AnalysisFixture(Path dir, IngestService ingest, AnalysisService analysis, JdbcTemplate jdbc) {
        this.dir = dir;
        this.ingest = ingest;
        this.analysis = analysis;
        this.jdbc = jdbc;
    }

    AnalysisFixture load(Kind kind, String csv) {
        try {
            Path file = Files.writeString(dir.resolve(kind.id() + "-" + (++files) + ".csv"), csv);
            FileReport report = ingest.ingest(IngestRequest.of(kind, file));
            if (report.outcome() != FileReport.Outcome.LOADED || report.rejected() > 0) {
                throw new IllegalStateException("fixture " + kind.id() + " did not load cleanly: " + report);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long analyze(String period, String zone, String asOf) {
        return analyze(period, zone, asOf, Policy.defaults());
    }

    long analyze(String period, String zone, String asOf, Policy policy) {
        return analysis.analyze(new AnalysisRequest("test", ReportingPeriod.parse(period, ZoneId.of(zone)),
                asOf == null ? null : Instant.parse(asOf), policy)).runId();
    }

    /** One metric row: value, numerator, denominator, band (nulls as they are stored). */
    record MetricRow(BigDecimal value, BigDecimal numerator, BigDecimal denominator, String band) {
    }

    MetricRow metric(long runId, String scope, String scopeId, String metric) {
        List<MetricRow> rows = jdbc.query("SELECT value, numerator, denominator, band FROM metric_value"
                        + " WHERE run_id = ? AND scope = ? AND scope_id = ? AND metric = ?",
                (rs, n) -> new MetricRow(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4)),
                runId, scope, scopeId, metric);
        if (rows.size() != 1) {
            throw new IllegalStateException("no single row for " + scope + " " + scopeId + " " + metric + ": " + rows);
        }
        return rows.get(0);
    }

    /** The findings (or pending items) of a rule as "deployment|change|incident|occurred_at" strings, sorted. */
    List<String> findings(long runId, String rule, boolean pending) {
        return jdbc.queryForList("""
                SELECT coalesce(deployment_id, '') || '|' || coalesce(change_id, '') || '|' || coalesce(incident_id, '')
                       || '|' || to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                FROM finding WHERE run_id = ? AND rule_id = ? AND pending = ?
                ORDER BY 1""", String.class, runId, rule, pending);
    }

    List<Map<String, Object>> dataQuality(long runId) {
        return jdbc.queryForList("SELECT category, record_id, detail FROM data_quality_item WHERE run_id = ?"
                + " ORDER BY category, record_id", runId);
    }
}
