package com.releaseledger.analysis;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.releaseledger.kernel.EngineVersion;
import com.releaseledger.kernel.SqlFile;

import tools.jackson.databind.json.JsonMapper;

/**
 * Analyses the ledger for a period (DESIGN.md sections 3 to 6): prepares the period's populations, runs every
 * metric and finding query (one SQL file each), and stores the run with its values, findings, pending items and
 * data-quality items. All of it is set-based SQL in one REPEATABLE READ transaction, so a run sees one snapshot of
 * the ledger and stores all of its results or none.
 */
@Service
public class AnalysisService {

    private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final String engineVersion;

    AnalysisService(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.engineVersion = EngineVersion.get();
    }

    private static final String POLICY = "analysis/policy.sql";
    private static final String PREPARE_LEDGER = "analysis/prepare_ledger.sql";
    private static final String PERIOD = "analysis/period.sql";
    private static final String PREPARE_PERIOD = "analysis/prepare_period.sql";
    private static final String METRIC_POPULATIONS = "analysis/metric_populations.sql";

    /** The SQL files a run uses, in the order it runs them. */
    public static List<SqlFile> sqlFiles() {
        return sqlFiles(false);
    }

    /** The SQL files of a full run, or of a trend run (the populations and the metrics only). */
    private static List<SqlFile> sqlFiles(boolean metricsOnly) {
        List<SqlFile> files = new ArrayList<>();
        files.add(SqlFile.load(POLICY));
        files.add(SqlFile.load(PREPARE_LEDGER));
        files.add(SqlFile.load(PERIOD));
        files.add(SqlFile.load(PREPARE_PERIOD));
        files.add(SqlFile.load(METRIC_POPULATIONS));
        Catalog.METRICS.forEach(metric -> files.add(SqlFile.load(metric.file())));
        if (!metricsOnly) {
            Catalog.RULES.forEach(rule -> files.add(SqlFile.load(rule.file())));
            files.add(SqlFile.load("analysis/responses.sql"));
            files.add(SqlFile.load("analysis/control_populations.sql"));
            files.add(SqlFile.load("analysis/data_quality.sql"));
            files.add(SqlFile.load("analysis/sample.sql"));
            files.add(SqlFile.load("analysis/run_inputs.sql"));
            files.add(SqlFile.load("analysis/reconciliation.sql"));
        }
        return files;
    }

    /** Trends show the run's period and this many before it (DESIGN.md 7.2, 7.3). */
    public static final int TREND_PERIODS = 5;

    /**
     * The periods before a run's, analysed from the ledger with the same policy, for its trends (DESIGN.md 7.2: the
     * first run already shows them). A period already analysed for this run is not analysed again, so a run
     * resumed after a failure goes on where it was.
     *
     * @return the trend runs stored now (none when every period was there already)
     */
    public List<Long> analyzeTrendPeriods(long runId, AnalysisRequest request) {
        ReportingPeriod period = request.period();
        List<AnalysisRequest> missing = new ArrayList<>();
        for (int i = 0; i < TREND_PERIODS; i++) {
            period = period.previous();
            Long stored = jdbc.queryForObject("SELECT count(*) FROM analysis_run WHERE trend_of = :run_id"
                    + " AND period = :period", new MapSqlParameterSource("run_id", runId)
                    .addValue("period", period.label()), Long.class);
            if (stored == null || stored == 0) {
                missing.add(new AnalysisRequest(request.job(), period, null, request.policy()));
            }
        }
        return analyzeTrendPeriods(missing, runId);
    }

    /**
     * The metrics of earlier periods, for a run's trends: the periods in one REPEATABLE READ transaction, so they
     * see one snapshot of the ledger, which is prepared once (only the period's own tables are prepared again for
     * each); metrics only, no findings. Each is stored as a run that names {@code trendOf}.
     *
     * @return the stored runs, in the order of the requests
     */
    List<Long> analyzeTrendPeriods(List<AnalysisRequest> requests, long trendOf) {
        if (requests.isEmpty()) {
            return List.of();
        }
        long started = System.nanoTime();
        List<SqlFile> files = sqlFiles(true);
        List<Long> runs = transaction.execute(status -> {
            List<Long> ids = new ArrayList<>();
            WorkingTables tables = new WorkingTables();
            for (AnalysisRequest request : requests) {
                ids.add(run(request, files, null, trendOf, tables));
            }
            return ids;
        });
        log.info("trend runs {} of run {} in {} s", runs, trendOf,
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return runs;
    }

    /** Runs the analysis and stores it; returns the stored run's summary. */
    public AnalysisResult analyze(AnalysisRequest request) {
        return analyze(request, null);
    }

    /**
     * Runs the analysis and stores it as part of a scheduled job's run (a Spring Batch job instance), or returns the
     * analysis that instance already stored: a run restarted after its analysis step committed never analyses twice.
     */
    public AnalysisResult analyze(AnalysisRequest request, Long jobInstanceId) {
        if (jobInstanceId != null) {
            java.util.Optional<Long> stored = storedRun(jobInstanceId);
            if (stored.isPresent()) {
                return result(stored.get(), request);
            }
        }
        long started = System.nanoTime();
        List<SqlFile> files = sqlFiles();
        Long runId = transaction.execute(status -> run(request, files, jobInstanceId, null,
                new WorkingTables()));
        // fresh statistics for the documents' queries over the run's findings (a month's are up to a million rows
        // that the planner took for a thousand, and sorted on disk). Last, after the run's transaction: the lock it
        // takes (one ANALYZE of a table at a time) is then held for no time at all, or, in a scheduled job's step
        // whose transaction the run joins, until that step commits a moment later
        jdbc.getJdbcTemplate().execute("ANALYZE finding");
        AnalysisResult result = summary(runId, request, (System.nanoTime() - started) / 1e9);
        log.info("analysis run {} of {} {}: {} findings, {} pending, in {} s", runId, request.job(), request.period(),
                result.findings(), result.pending(), String.format("%.1f", result.seconds()));
        return result;
    }

    /** The analysis a scheduled job's run (its Spring Batch job instance) stored, if it stored one. */
    public java.util.Optional<Long> storedRun(long jobInstanceId) {
        List<Long> stored = jdbc.queryForList("SELECT run_id FROM analysis_run WHERE job_instance_id = :instance"
                + " AND trend_of IS NULL AND finished_at IS NOT NULL ORDER BY run_id DESC LIMIT 1",
                new MapSqlParameterSource("instance", jobInstanceId), Long.class);
        return stored.stream().findFirst();
    }

    /**
     * Stores one run in the current transaction. A trend run ({@code trendOf} not null) computes the metrics only;
     * the ledger's working tables that an earlier run in the same transaction made ({@code tables}) are reused.
     */
    private long run(AnalysisRequest request, List<SqlFile> files, Long jobInstanceId, Long trendOf,
            WorkingTables tables) {
        jdbc.getJdbcTemplate().execute("SET LOCAL TimeZone = 'UTC'");
        // these queries run for seconds at most: compiling them (JIT, where the server has it) cost more than it saved
        jdbc.getJdbcTemplate().execute("SET LOCAL jit = off");
        jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '128MB'"); // the sorts of 1M-row populations in memory
        Map<String, String> hashes = new TreeMap<>();
        Map<String, SqlFile> sql = new java.util.HashMap<>();
        files.forEach(file -> {
            hashes.put(file.name(), file.sha256());
            sql.put(file.name(), file);
        });
        ReportingPeriod period = request.period();
        MapSqlParameterSource run = new MapSqlParameterSource()
                .addValue("job", request.job())
                .addValue("period", period.label())
                .addValue("period_start", Timestamp.from(period.start()))
                .addValue("period_end", Timestamp.from(period.end()))
                .addValue("zone", period.zone().getId())
                .addValue("as_of", Timestamp.from(request.asOf()))
                .addValue("policy", JSON.writeValueAsString(request.policy().asMap()))
                .addValue("sql_files", JSON.writeValueAsString(hashes))
                .addValue("engine_version", engineVersion)
                .addValue("job_instance_id", jobInstanceId)
                .addValue("trend_of", trendOf);
        Long runId = jdbc.queryForObject("""
                INSERT INTO analysis_run (job, period, period_start, period_end, zone, as_of, policy, sql_files,
                                          engine_version, job_instance_id, trend_of)
                VALUES (:job, :period, :period_start, :period_end, :zone, :as_of, CAST(:policy AS jsonb),
                        CAST(:sql_files AS jsonb), :engine_version, :job_instance_id, :trend_of)
                RETURNING run_id""", run, Long.class);

        prepare(sql, request, tables, true);
        for (Catalog.Metric metric : Catalog.METRICS) {
            timed(metric.name(), () -> jdbc.update(
                    "INSERT INTO metric_value (run_id, scope, scope_id, metric, value, unit, numerator, denominator, band)"
                            + " SELECT :run_id, q.scope, q.scope_id, :metric, q.value, :unit, q.numerator,"
                            + " q.denominator, q.band FROM (" + sql.get(metric.file()).text() + "\n) q",
                    new MapSqlParameterSource("run_id", runId).addValue("metric", metric.name())
                            .addValue("unit", metric.unit())));
        }
        timed("error budgets", () -> jdbc.update("""
                INSERT INTO error_budget (run_id, service, team, slo_target, allowed, consumed, exhausted_at,
                                          open_consumed, open_incidents, releases_exhausted, releases_allowed)
                SELECT :run_id, b.service, s.team, s.slo_target, b.allowed, b.consumed, b.exhausted_at,
                       b.open_consumed, b.open_incidents, b.releases_exhausted, b.releases_allowed
                FROM a_budget b JOIN a_service s ON s.service = b.service""",
                new MapSqlParameterSource("run_id", runId)));
        if (trendOf != null) {
            finish(runId);
            return runId;
        }
        for (Catalog.Rule rule : Catalog.RULES) {
            timed(rule.id(), () -> jdbc.update(
                    "INSERT INTO finding (run_id, rule_id, severity, pending, service, team, deployment_id, change_id,"
                            + " incident_id, occurred_at, detail, evidence)"
                            + " SELECT :run_id, :rule_id, :severity, q.pending, q.service, q.team, q.deployment_id,"
                            + " q.change_id, q.incident_id, q.occurred_at, q.detail, q.evidence FROM ("
                            + sql.get(rule.file()).text() + "\n) q",
                    new MapSqlParameterSource("run_id", runId).addValue("rule_id", rule.id())
                            .addValue("severity", rule.severity())));
        }
        timed("responses", () -> jdbc.update(sql.get("analysis/responses.sql").text(),
                new MapSqlParameterSource("run_id", runId).addValue("job", request.job())
                        .addValue("period_start", Timestamp.from(period.start()))));
        timed("control populations", () -> jdbc.update(
                "INSERT INTO control_population (run_id, rule_id, population, tested) SELECT :run_id, q.* FROM ("
                        + sql.get("analysis/control_populations.sql").text() + "\n) q",
                new MapSqlParameterSource("run_id", runId)));
        Map<String, Object> policy = request.policy().asMap();
        for (Catalog.Rule rule : Catalog.RULES) {
            jdbc.update("""
                    UPDATE control_population SET name = :name, severity = :severity, title = :title,
                           objective = :objective, criterion = :criterion, policy_values = :policy_values,
                           owner = :owner
                    WHERE run_id = :run_id AND rule_id = :rule_id""", new MapSqlParameterSource("run_id", runId)
                    .addValue("rule_id", rule.id()).addValue("name", rule.name()).addValue("severity", rule.severity())
                    .addValue("title", rule.title()).addValue("objective", rule.objective())
                    .addValue("criterion", rule.criterion())
                    .addValue("policy_values", String.join("; ", rule.policyKeys().stream()
                            .map(key -> key + " = " + policyValue(policy.get(key))).toList()))
                    .addValue("owner", request.policy().owner(rule.id())));
        }
        timed("data quality", () -> jdbc.update(
                "INSERT INTO data_quality_item (run_id, category, kind, record_id, file_id, line_no, detail)"
                        + " SELECT :run_id, q.* FROM (" + sql.get("analysis/data_quality.sql").text() + "\n) q",
                new MapSqlParameterSource("run_id", runId)));
        timed("sample", () -> jdbc.update(
                "INSERT INTO audit_sample (run_id, sample_position, change_id, type, risk, service, status,"
                        + " approved_by, approval_type, outcome, sha256_of_seed_and_id)"
                        + " SELECT :run_id, q.* FROM (" + sql.get("analysis/sample.sql").text() + "\n) q",
                new MapSqlParameterSource(request.policy().sqlParameters()).addValue("run_id", runId)));
        timed("input files", () -> jdbc.update(
                "INSERT INTO run_input_file (run_id, file_id, records) SELECT :run_id, q.* FROM ("
                        + sql.get("analysis/run_inputs.sql").text() + "\n) q",
                new MapSqlParameterSource("run_id", runId)));
        timed("reconciliation", () -> jdbc.update(
                "INSERT INTO population_step (run_id, step_no, population, records, removed, reason)"
                        + " SELECT :run_id, q.* FROM (" + sql.get("analysis/reconciliation.sql").text() + "\n) q",
                new MapSqlParameterSource("run_id", runId)));
        finish(runId);
        return runId;
    }

    private static String policyValue(Object value) {
        return value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }

    private void finish(long runId) {
        jdbc.update("UPDATE analysis_run SET finished_at = clock_timestamp() WHERE run_id = :run_id",
                new MapSqlParameterSource("run_id", runId));
    }

    /**
     * Makes the run's working tables: the policy and the ledger's tables ({@code policy.sql},
     * {@code prepare_ledger.sql}) unless an earlier run in this transaction made them, then the period's
     * ({@code period.sql}, {@code prepare_period.sql}) and, for a run that computes metrics, the period's metric
     * populations counted per scope ({@code metric_populations.sql}). Before a later period, the tables the
     * period's scripts made last time are dropped: which ones is read from the database, never kept by hand.
     */
    private void prepare(Map<String, SqlFile> sql, AnalysisRequest request, WorkingTables tables, boolean metrics) {
        if (tables.ledgerPrepared) {
            jdbc.getJdbcTemplate().execute("DROP TABLE " + String.join(", ", tables.period));
        } else {
            jdbc.update(sql.get(POLICY).text(), new MapSqlParameterSource(request.policy().sqlParameters()));
            script(sql.get(PREPARE_LEDGER));
        }
        Set<String> before = new HashSet<>(temporaryTables());
        ReportingPeriod period = request.period();
        jdbc.update(sql.get(PERIOD).text(), new MapSqlParameterSource()
                .addValue("period_start", Timestamp.from(period.start()))
                .addValue("period_end", Timestamp.from(period.end()))
                .addValue("period_minutes", period.minutes())
                .addValue("as_of", Timestamp.from(request.asOf()))
                .addValue("zone", period.zone().getId())
                .addValue("job", request.job()));
        script(sql.get(PREPARE_PERIOD));
        if (metrics) {
            script(sql.get(METRIC_POPULATIONS));
        }
        tables.period = temporaryTables().stream().filter(table -> !before.contains(table)).toList();
        tables.ledgerPrepared = true;
    }

    /**
     * Prepares, in the current transaction, the working tables a run of this period and policy would have, from
     * the ledger as it stands in the transaction (the deployment gate adds a deployment there first).
     */
    void prepareWorkingTables(AnalysisRequest request) {
        Map<String, SqlFile> sql = new java.util.HashMap<>();
        sqlFiles(true).forEach(file -> sql.put(file.name(), file));
        jdbc.getJdbcTemplate().execute("SET LOCAL TimeZone = 'UTC'");
        jdbc.getJdbcTemplate().execute("SET LOCAL jit = off");
        prepare(sql, request, new WorkingTables(), false);
    }

    /** The findings of one rule over the prepared working tables (its SQL file, as a run runs it). */
    List<Map<String, Object>> ruleFindings(Catalog.Rule rule) {
        return jdbc.queryForList(SqlFile.load(rule.file()).text(), new MapSqlParameterSource());
    }

    /** The working tables made so far in one transaction: whether the ledger's are there, and the period's. */
    private static final class WorkingTables {
        private boolean ledgerPrepared;
        private List<String> period = List.of();
    }

    /** The temporary tables of this session (the run's working tables). */
    private List<String> temporaryTables() {
        return jdbc.getJdbcTemplate().queryForList("SELECT relname FROM pg_class"
                + " WHERE relnamespace = pg_my_temp_schema() AND relkind = 'r' ORDER BY relname", String.class);
    }

    /** Runs a parameter-free script on the transaction's connection, statement by statement. */
    private void script(SqlFile file) {
        long started = System.nanoTime();
        jdbc.getJdbcTemplate().execute((ConnectionCallback<Void>) connection -> {
            ScriptUtils.executeSqlScript(connection, new EncodedResource(
                    new ByteArrayResource(file.text().getBytes(StandardCharsets.UTF_8), "sql/" + file.name()),
                    StandardCharsets.UTF_8));
            return null;
        });
        log.debug("{} took {} ms", file.name(), (System.nanoTime() - started) / 1_000_000);
    }

    private void timed(String what, Runnable step) {
        long started = System.nanoTime();
        step.run();
        log.debug("{} took {} ms", what, (System.nanoTime() - started) / 1_000_000);
    }

    /** A stored run's summary, as {@link #analyze} returned it (for a run resumed after its analysis completed). */
    public AnalysisResult result(long runId, AnalysisRequest request) {
        Double seconds = jdbc.queryForObject("SELECT extract(epoch FROM finished_at - started_at)::double precision"
                + " FROM analysis_run WHERE run_id = :run_id", new MapSqlParameterSource("run_id", runId),
                Double.class);
        return summary(runId, request, seconds == null ? 0 : seconds);
    }

    private AnalysisResult summary(long runId, AnalysisRequest request, double seconds) {
        MapSqlParameterSource run = new MapSqlParameterSource("run_id", runId);
        Map<String, String> headline = new LinkedHashMap<>();
        for (String metric : AnalysisResult.HEADLINE) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT value, unit, band FROM metric_value"
                    + " WHERE run_id = :run_id AND scope = 'org' AND metric = :metric",
                    new MapSqlParameterSource("run_id", runId).addValue("metric", metric));
            if (!rows.isEmpty()) {
                Map<String, Object> row = rows.get(0);
                headline.put(metric, Numbers.forPeople((BigDecimal) row.get("value"), (String) row.get("unit"))
                        + (row.get("band") == null ? "" : " (" + row.get("band") + ")"));
            }
        }
        Map<String, Long> byRule = new LinkedHashMap<>();
        Catalog.RULES.forEach(rule -> byRule.put(rule.id(), 0L));
        jdbc.query("SELECT rule_id, count(*) AS n FROM finding WHERE run_id = :run_id AND NOT pending GROUP BY rule_id",
                run, rs -> {
                    byRule.put(rs.getString("rule_id"), rs.getLong("n"));
                });
        Long pending = jdbc.queryForObject("SELECT count(*) FROM finding WHERE run_id = :run_id AND pending", run,
                Long.class);
        Map<String, Long> quality = new TreeMap<>();
        jdbc.query("SELECT category, count(*) AS n FROM data_quality_item WHERE run_id = :run_id GROUP BY category",
                run, rs -> {
                    quality.put(rs.getString("category"), rs.getLong("n"));
                });
        return new AnalysisResult(runId, request, headline, byRule, pending == null ? 0 : pending, quality, seconds);
    }
}
