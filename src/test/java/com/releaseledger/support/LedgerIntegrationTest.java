package com.releaseledger.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.releaseledger.LedgerApplication;

/**
 * Base of the tests that run against a real PostgreSQL ({@link TestDatabase}), migrated by Flyway, with the
 * ledger and the job repository emptied before each test.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class LedgerIntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Connection connection = TestDatabase.get();
        registry.add("release-ledger.db.url", connection::url);
        registry.add("release-ledger.db.user", connection::user);
        registry.add("release-ledger.db.password", connection::password);
    }

    @BeforeEach
    protected void emptyLedger() {
        jdbc.execute("""
                TRUNCATE report_manifest, error_budget, control_population, data_quality_item, finding, metric_value, analysis_run,
                         source_file, rejected_row, ingest_note, deployment_version, change_version,
                         incident_version, service_version, blackout_version, exception_version, approval_version,
                         response_version, deployment_current, change_current, incident_current, service_current,
                         blackout_current, exception_current, approval_current, response_current, gate_decision,
                         batch_step_execution_context, batch_job_execution_context, batch_step_execution,
                         batch_job_execution_params, batch_job_execution, batch_job_instance CASCADE""");
    }

    /** What the run left in the ledger, without ids or times: files, versions, runs, metrics, findings, manifests. */
    protected java.util.List<java.util.Map<String, Object>> ledgerSnapshot() {
        return jdbc.queryForList("""
                SELECT 'file' AS what, path || ' ' || sha256 || ' ' || status AS detail,
                       rows_read || ' ' || rows_loaded || ' ' || rows_rejected || ' ' || rows_duplicate AS n
                FROM source_file
                UNION ALL SELECT 'deployment version', deployment_id || ' ' || line_no || ' ' || encode(row_hash, 'hex'),
                                 '' FROM deployment_version
                UNION ALL SELECT 'incident version', incident_id || ' ' || line_no || ' ' || encode(row_hash, 'hex'),
                                 '' FROM incident_version
                UNION ALL SELECT 'run', period || ' ' || as_of || ' ' || (trend_of IS NULL), '' FROM analysis_run
                UNION ALL SELECT 'metric', r.period || ' ' || m.scope || ' ' || m.scope_id || ' ' || m.metric,
                                 coalesce(m.value::text, 'null') FROM metric_value m JOIN analysis_run r USING (run_id)
                UNION ALL SELECT 'finding', r.period || ' ' || f.rule_id || ' ' || coalesce(f.deployment_id, '')
                                 || ' ' || coalesce(f.incident_id, ''), f.detail
                          FROM finding f JOIN analysis_run r USING (run_id)
                UNION ALL SELECT 'budget', r.period || ' ' || b.service, b.consumed::text
                          FROM error_budget b JOIN analysis_run r USING (run_id)
                UNION ALL SELECT 'manifest', period || ' ' || version, '' FROM report_manifest
                ORDER BY 1, 2, 3""");
    }

    /**
     * Starts the engine in a process of its own, as a script would, on the test database; what it prints (both
     * streams) goes to {@code log}.
     */
    protected static Process startEngine(java.nio.file.Path log, String... args) throws java.io.IOException {
        return startEngine(java.util.Map.of(), log, args);
    }

    /** As {@link #startEngine(java.nio.file.Path, String...)}, with these environment variables set as well. */
    protected static Process startEngine(java.util.Map<String, String> environment, java.nio.file.Path log,
            String... args) throws java.io.IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "com.releaseledger.cli.ReleaseLedger"));
        command.addAll(java.util.List.of(TestDatabase.commandLine(args)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("RELEASE_LEDGER_API_TOKEN");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * Sends SIGTERM to an engine started as its own process once its log shows {@code line} (a step that began),
     * and waits for it to end.
     */
    protected static void sigtermWhenLogged(Process process, String line, java.nio.file.Path log)
            throws java.io.IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive() && !java.nio.file.Files.readString(log).contains(line)) {
            Thread.sleep(20);
        }
        org.assertj.core.api.Assertions.assertThat(process.isAlive()).as(java.nio.file.Files.readString(log)).isTrue();
        process.destroy(); // SIGTERM
        org.assertj.core.api.Assertions.assertThat(process.waitFor(150, java.util.concurrent.TimeUnit.SECONDS))
                .as("the engine ends within 150 s of SIGTERM").isTrue();
    }

    /**
     * Sends SIGTERM to an engine started as its own process once the file it loads has committed
     * {@code rows} rows, and waits for it to end.
     */
    protected void sigtermAfterCommittedRows(Process process, long rows, java.nio.file.Path log)
            throws java.io.IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive()
                && jdbc.queryForObject("SELECT coalesce(max(rows_read), 0) FROM source_file WHERE status = 'loading'",
                        Long.class) < rows) {
            Thread.sleep(50);
        }
        org.assertj.core.api.Assertions.assertThat(process.isAlive()).as(java.nio.file.Files.readString(log)).isTrue();
        process.destroy(); // SIGTERM
        org.assertj.core.api.Assertions.assertThat(process.waitFor(150, java.util.concurrent.TimeUnit.SECONDS))
                .as("the engine ends within 150 s of SIGTERM").isTrue();
    }
}
