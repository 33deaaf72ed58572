package com.releaseledger.reporting;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.releaseledger.kernel.ReadSnapshot;

/**
 * The three workbooks of a run (DESIGN.md 7.1 to 7.3): the audit pack with every population in full, the
 * error-budget review and the executive scorecard. Each is written from one REPEATABLE READ snapshot, so a
 * sheet's stated row count and its rows always agree.
 */
@Component
class Workbooks {

    static final List<Dataset> AUDIT_PACK = List.of(
            Dataset.form("Cover", "audit_cover.sql"),
            Dataset.of("Controls described", "audit_control_catalogue.sql"),
            Dataset.of("Controls", "audit_controls.sql"),
            Dataset.of("Exceptions", "audit_findings.sql"),
            Dataset.of("Pending", "audit_pending.sql"),
            Dataset.of("Emergency changes", "register_emergency_changes.sql"),
            Dataset.of("Separation of duties", "register_segregation_of_duties.sql"),
            Dataset.of("Blackouts and windows", "register_blackouts_and_windows.sql"),
            Dataset.of("Failed changes", "register_failed_changes.sql"),
            Dataset.of("Exceptions in force", "register_exceptions_in_force.sql"),
            Dataset.of("Gate coverage", "audit_gate_coverage.sql"),
            Dataset.of("Gate decisions", "register_gate_decisions.sql"),
            Dataset.of("Sample", "audit_sample.sql"),
            Dataset.of("Deployments", "audit_deployments.sql"),
            Dataset.of("Changes", "audit_changes.sql"),
            Dataset.of("Incidents", "audit_incidents.sql"),
            Dataset.of("Input files", "audit_inputs.sql"),
            Dataset.of("Reconciliation", "audit_reconciliation.sql"),
            Dataset.of("Rejected rows", "audit_rejected_rows.sql"),
            Dataset.of("Data quality", "audit_data_quality.sql"),
            Dataset.of("Metrics", "audit_metrics.sql"),
            Dataset.of("SQL", "audit_sql_files.sql"));
    static final List<Dataset> ERROR_BUDGET = List.of(
            Dataset.of("Budgets", "budget_services.sql"),
            Dataset.of("Incidents", "budget_incidents.sql"),
            Dataset.of("Released while exhausted", "budget_exhausted_deployments.sql"),
            Dataset.of("Postmortems", "budget_postmortems.sql"));
    static final List<Dataset> SCORECARD = List.of(
            Dataset.of("Teams", "scorecard_teams.sql"),
            Dataset.of("Trends", "scorecard_trends.sql"),
            Dataset.of("Governance", "scorecard_governance.sql"),
            Dataset.of("Deployment gate", "scorecard_gate.sql"),
            Dataset.of("Metrics", "audit_metrics.sql"));

    /** Each document's sheets, in the order they are written. */
    static List<Dataset> sheets(Document document) {
        return switch (document) {
            case AUDIT_PACK -> AUDIT_PACK;
            case ERROR_BUDGET -> ERROR_BUDGET;
            case SCORECARD -> SCORECARD;
        };
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    Workbooks(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = ReadSnapshot.streaming(dataSource);
        this.snapshot = ReadSnapshot.transaction(transactionManager);
    }

    /**
     * The three workbooks, in the order of {@link Document}, each followed by the CSV files of its populations too
     * large for one sheet.
     */
    List<Path> write(long runId, Path folder) {
        return write(runId, folder, WorkbookWriter.MAX_DATA_ROWS, Document.all());
    }

    /** One document's workbook, then the CSV files of its populations too large for one sheet. */
    List<Path> write(long runId, Path folder, Document document) {
        return write(runId, folder, WorkbookWriter.MAX_DATA_ROWS, Set.of(document));
    }

    /** As {@link #write(long, Path)}, with fewer rows to a sheet (to test continuation sheets). */
    List<Path> write(long runId, Path folder, int maxRowsPerSheet) {
        return write(runId, folder, maxRowsPerSheet, Document.all());
    }

    private List<Path> write(long runId, Path folder, int maxRowsPerSheet, Set<Document> documents) {
        return snapshot.execute(status -> {
            jdbc.getJdbcTemplate().execute("SET LOCAL jit = off"); // compiling these scans costs more than it saves
            jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '128MB'"); // sorts of whole populations in memory
            Map<String, Object> run = jdbc.queryForMap("""
                    SELECT job, period, zone, period_start, period_end, as_of FROM analysis_run WHERE run_id = :run_id""",
                    Map.of("run_id", runId));
            String parameters = "run " + runId + ", job " + run.get("job") + ", period " + run.get("period") + " ["
                    + instant(run.get("period_start")) + ", " + instant(run.get("period_end")) + ") in "
                    + run.get("zone") + ", as of " + instant(run.get("as_of"));
            WorkbookWriter writer = new WorkbookWriter(jdbc, parameters,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), maxRowsPerSheet);
            List<Path> files = new java.util.ArrayList<>();
            for (Document document : Document.values()) {
                if (documents.contains(document)) {
                    files.addAll(writer.write(folder.resolve(document.fileName() + ".xlsx"), runId, sheets(document)));
                }
            }
            return files;
        });
    }

    private static String instant(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toInstant().toString();
    }
}
