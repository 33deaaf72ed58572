package com.releaseledger.benchmark;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.AnalysisResult;
import com.releaseledger.analysis.AnalysisService;
import com.releaseledger.analysis.Policy;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.benchmark.BenchResult.Group;
import com.releaseledger.benchmark.BenchResult.Measure;
import com.releaseledger.benchmark.BenchResult.Phase;
import com.releaseledger.generate.DataGenerator;
import com.releaseledger.generate.GeneratorSettings;
import com.releaseledger.ingest.Field;
import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestRequest;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.ingest.Kind;
import com.releaseledger.ingest.Profile;
import com.releaseledger.ingest.SourceFormat;
import com.releaseledger.kernel.BadInputException;
import com.releaseledger.kernel.ReadSnapshot;
import com.releaseledger.kernel.SqlFile;
import com.releaseledger.reporting.PublishedRun;
import com.releaseledger.reporting.ReportService;

/**
 * Runs the benchmark of issue 6 on the ledger database in use, which must be empty: generates the month, measures
 * the limit step (bare COPY of each file into a typed scratch table with a primary key, then a plain aggregate per
 * metric), then the engine on the same files (ingest of each kind, the analysis, the CSV files, the trend periods
 * and each document), then re-ingests of the deployments file (the same file, and one with 1 % of its records
 * changed). Each phase is reported as it ends.
 */
@Service
public class Benchmark {

    /** The benchmark's month and zone: October 2026 in London, a month with a daylight-saving change. */
    static final YearMonth MONTH = YearMonth.of(2026, 10);
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** The kinds in the order the engine ingests them, with the generator's file of each. */
    private static final List<Kind> ORDER = List.of(Kind.SERVICES, Kind.BLACKOUTS, Kind.EXCEPTIONS, Kind.CHANGES,
            Kind.DEPLOYMENTS, Kind.INCIDENTS);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final IngestService ingest;
    private final AnalysisService analysis;
    private final ReportService reports;

    Benchmark(DataSource dataSource, IngestService ingest, AnalysisService analysis, ReportService reports) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.ingest = ingest;
        this.analysis = analysis;
        this.reports = reports;
    }

    /**
     * Generator settings for a scale: 500 services in 12 teams, one change for about five deployments, about five
     * incidents per hundred deployments, no malformed rows, and releases not held when an error budget is spent
     * (else the month would have far fewer deployments than the scale names).
     */
    static GeneratorSettings settings(BenchScale scale) {
        return new GeneratorSettings(MONTH, 1, 500, 12, scale.plannedDeployments(), 20261026L, 0, ZONE, 5, 1.85,
                false);
    }

    /**
     * Runs the benchmark.
     *
     * @param work     an empty folder for the generated files and the output
     * @param database what the database is, for the report
     * @param progress told each phase as it ends
     * @throws BadInputException when the ledger is not empty (the benchmark would add to a real ledger)
     */
    public BenchResult run(BenchScale scale, Path work, String database, Consumer<Phase> progress) throws IOException {
        Long files = jdbc.queryForObject("SELECT count(*) FROM source_file", Long.class);
        if (files != null && files > 0) {
            throw new BadInputException("the benchmark needs an empty ledger and this one holds " + files
                    + " file(s): run it on the embedded database (the default) or point --db-url at a scratch database");
        }
        List<Phase> phases = new ArrayList<>();
        Consumer<Phase> record = phase -> {
            phases.add(phase);
            progress.accept(phase);
        };
        try (MemoryWatch memory = new MemoryWatch()) {
            Path data = work.resolve("data");
            long started = System.nanoTime();
            // the tools' exports of the same records too, for the profile phases
            Map<String, Long> generated = DataGenerator.generate(data, settings(scale), "servicenow,github");
            record.accept(new Phase(Group.GENERATE, Measure.OTHER, "generate the month", generated.values().stream()
                    .mapToLong(Long::longValue).sum(), seconds(started), counts(generated)));

            Map<Kind, Path> inputs = inputs(data);
            ReportingPeriod period = ReportingPeriod.parse(MONTH.toString(), ZONE);
            limitStep(inputs, period, record);
            FairLimit fair = fairLimit(period, record);
            long runId = engine(inputs, period, work.resolve("output"), record);
            FairLimitCheck check = checkFairLimit(fair, runId);
            reingest(inputs.get(Kind.DEPLOYMENTS), work, record);
            profiles(data, record);
            return result(scale, phases, memory.peakHeapMb(), database, check);
        } finally {
            dropScratchTables();
        }
    }

    private static Map<Kind, Path> inputs(Path data) {
        Map<Kind, Path> inputs = new java.util.LinkedHashMap<>();
        for (Kind kind : ORDER) {
            inputs.put(kind, data.resolve(switch (kind) {
                case DEPLOYMENTS -> "deployments-" + MONTH + ".csv";
                case INCIDENTS -> "incidents.jsonl";
                default -> kind.id() + ".csv";
            }));
        }
        return inputs;
    }

    // ---- the limit step ----

    private void limitStep(Map<Kind, Path> inputs, ReportingPeriod period, Consumer<Phase> record) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (Map.Entry<Kind, Path> input : inputs.entrySet()) {
                Kind kind = input.getKey();
                Path file = input.getValue();
                createScratchTable(connection, kind);
                long started = System.nanoTime();
                long rows = kind == Kind.INCIDENTS ? copyJsonLines(connection, kind, file) : copyCsv(connection, kind, file);
                record.accept(new Phase(Group.LIMIT, kind == Kind.DEPLOYMENTS ? Measure.DEPLOYMENTS_COPY
                        : Measure.OTHER, "COPY " + file.getFileName(), rows, seconds(started), ""));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("the bare COPY failed: " + e.getMessage(), e);
        }
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("period_start", Timestamp.from(period.start()))
                .addValue("period_end", Timestamp.from(period.end()));
        String[] statements = SqlFile.load("bench/limit_metrics.sql").text().split("\n;\n");
        long started = System.nanoTime();
        for (String statement : statements) {
            named.query(statement, parameters, rs -> {
            });
        }
        Long rows = jdbc.queryForObject("SELECT count(*) FROM bench_deployments", Long.class);
        record.accept(new Phase(Group.LIMIT, Measure.PLAIN_AGGREGATES,
                "plain aggregates, one per metric (" + statements.length + ")",
                rows == null ? 0 : rows, seconds(started), ""));
    }

    /**
     * The fair limit (issue 15): every metric for every scope and every rule's findings as an analyst would write
     * them over the bare tables ({@code sql/bench/fair_limit.sql}, on one connection: it keeps two temporary
     * tables). What it returns is kept to check against the engine's: a few hundred scope rows, and a 64-bit hash of
     * each finding's key (at 1M deployments 650,000 findings: 5 MB, where the keys themselves would take 100).
     */
    private FairLimit fairLimit(ReportingPeriod period, Consumer<Phase> record) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("period_start", Timestamp.from(period.start()))
                .addValue("period_end", Timestamp.from(period.end()))
                .addValue("zone", period.zone().getId());
        String[] statements = SqlFile.load("bench/fair_limit.sql").text().split("\n;\n");
        List<Map<String, Object>> metrics = new ArrayList<>();
        LongArray findings = new LongArray();
        long started = System.nanoTime();
        streamed("the fair limit", named -> {
            for (String statement : statements) {
                String first = statement.lines().filter(line -> !line.startsWith("--")).findFirst().orElse("");
                if (first.startsWith("CREATE") || first.startsWith("DROP")) {
                    named.update(statement, parameters);
                } else if (statement.contains(" AS rule_id")) {
                    named.query(statement, parameters, (ResultSet rs) -> {
                        findings.add(hash(findingKey(rs)));
                    });
                } else {
                    metrics.addAll(named.queryForList(statement, parameters));
                }
            }
        });
        Long deployments = jdbc.queryForObject("SELECT count(*) FROM bench_deployments", Long.class);
        record.accept(new Phase(Group.LIMIT, Measure.FAIR_LIMIT, "fair limit: every metric and rule, every scope",
                deployments == null ? 0 : deployments, seconds(started),
                String.format("%,d scope rows, %,d findings", metrics.size(), findings.size())));
        return new FairLimit(metrics, findings.sorted());
    }

    /** What the fair limit computed: its metrics' scope rows and the sorted hashes of its findings' keys. */
    record FairLimit(List<Map<String, Object>> metrics, long[] findings) {
    }

    /** A growing array of longs: the fair limit's finding hashes without a box each. */
    private static final class LongArray {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        long[] sorted() {
            long[] sorted = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(sorted);
            return sorted;
        }
    }

    /** FNV-1a, 64 bits, of a finding's key: at a million keys a collision has odds of about 1 in 30 million. */
    private static long hash(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** A finding's key (rule, deployment, change, incident), from a row with those four columns first. */
    private static String findingKey(ResultSet rs) throws SQLException {
        return rs.getString(1) + "|" + Objects.toString(rs.getString(2), "") + "|"
                + Objects.toString(rs.getString(3), "") + "|" + Objects.toString(rs.getString(4), "");
    }

    /**
     * Runs the work on one connection in one transaction (the fair limit's temporary tables), its queries streamed
     * by the fetch size: in autocommit the driver reads a whole result first (6.5 million findings at 10m: more
     * than the heap).
     */
    private void streamed(String what, Consumer<NamedParameterJdbcTemplate> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            work.accept(ReadSnapshot.streaming(new SingleConnectionDataSource(connection, true)));
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** What comparing the fair limit with the engine found. */
    record FairLimitCheck(List<String> mismatches, long checked) {
    }

    /**
     * Compares the fair limit with the engine's stored results of the run. Every metric value the fair limit gives
     * must equal the engine's (to 1e-9 relatively, or both empty); a scope it has no row for (nothing of the
     * population in it) must be 0 or empty in the engine. Its findings must be the engine's (not pending), key for
     * key (rule, deployment, change, incident). The first 20 differences are kept.
     */
    private FairLimitCheck checkFairLimit(FairLimit fair, long runId) {
        Map<String, BigDecimal> expected = new HashMap<>();
        for (Map<String, Object> row : fair.metrics()) {
            for (Map.Entry<String, Object> column : row.entrySet()) {
                if (!column.getKey().equals("scope") && !column.getKey().equals("scope_id")) {
                    expected.put(row.get("scope") + "/" + row.get("scope_id") + "/" + column.getKey(),
                            column.getValue() == null ? null : new BigDecimal(column.getValue().toString()));
                }
            }
        }
        List<String> mismatches = new ArrayList<>();
        long[] checked = {0};
        Set<String> seen = new HashSet<>();
        jdbc.query("SELECT scope, scope_id, metric, value FROM metric_value WHERE run_id = ?", rs -> {
            String key = rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3);
            BigDecimal engine = rs.getBigDecimal(4);
            checked[0]++;
            seen.add(key);
            boolean known = expected.containsKey(key);
            BigDecimal limit = expected.get(key);
            boolean same = known ? agree(limit, engine) : engine == null || engine.signum() == 0;
            if (!same && mismatches.size() < 20) {
                mismatches.add(key + ": engine " + engine + ", fair limit " + (known ? limit : "no row"));
            }
        }, runId);
        expected.keySet().stream().filter(key -> !seen.contains(key)).sorted().limit(20 - mismatches.size())
                .forEach(key -> mismatches.add(key + ": the engine has no value, the fair limit " + expected.get(key)));
        long[] fairFindings = fair.findings();
        java.util.BitSet matched = new java.util.BitSet(fairFindings.length);
        streamed("checking the fair limit", named -> named.query("SELECT rule_id, deployment_id, change_id,"
                + " incident_id FROM finding WHERE run_id = :run_id AND NOT pending", Map.of("run_id", runId),
                (ResultSet rs) -> {
                    String key = findingKey(rs);
                    checked[0]++;
                    int at = java.util.Arrays.binarySearch(fairFindings, hash(key));
                    if (at >= 0 && !matched.get(at)) {
                        matched.set(at);
                    } else if (mismatches.size() < 20) {
                        mismatches.add("finding " + key + ": the engine's, not the fair limit's");
                    }
                }));
        int unmatched = fairFindings.length - matched.cardinality();
        if (unmatched > 0) {
            mismatches.add(unmatched + " finding(s) of the fair limit's are not the engine's");
        }
        return new FairLimitCheck(List.copyOf(mismatches), checked[0]);
    }

    private static boolean agree(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return a == b;
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }

    private static void createScratchTable(Connection connection, Kind kind) throws SQLException {
        String columns = kind.fields().stream().map(field -> field.name() + " " + sqlType(field))
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + scratch(kind));
            statement.execute("CREATE TABLE " + scratch(kind) + " (" + columns + ", PRIMARY KEY ("
                    + kind.idField().name() + "))");
        }
    }

    private static String sqlType(Field field) {
        return switch (field.type()) {
            case TEXT, ENUM -> "text";
            case TIMESTAMP -> "timestamptz";
            case INTEGER -> "integer";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "boolean";
        };
    }

    private static long copyCsv(Connection connection, Kind kind, Path file) throws SQLException, IOException {
        String header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = reader.readLine();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + scratch(kind) + " (" + header
                    + ") FROM STDIN (FORMAT csv, HEADER true)", in, 1 << 16);
        }
    }

    /** JSON Lines: each line COPYed as it is, then typed into the table by jsonb_populate_record. */
    private static long copyJsonLines(Connection connection, Kind kind, Path file) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE bench_lines (line text)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bench_lines FROM STDIN (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')", in, 1 << 16);
        }
        try (Statement statement = connection.createStatement()) {
            int rows = statement.executeUpdate("INSERT INTO " + scratch(kind) + " SELECT r.* FROM bench_lines,"
                    + " jsonb_populate_record(NULL::" + scratch(kind) + ", line::jsonb) r");
            statement.execute("DROP TABLE bench_lines");
            return rows;
        }
    }

    private static String scratch(Kind kind) {
        return "bench_" + kind.id();
    }

    private void dropScratchTables() {
        for (Kind kind : ORDER) {
            jdbc.execute("DROP TABLE IF EXISTS " + scratch(kind));
        }
    }

    // ---- the engine ----

    /** The engine's monthly run over the files; the run's id. */
    private long engine(Map<Kind, Path> inputs, ReportingPeriod period, Path output, Consumer<Phase> record) {
        for (Map.Entry<Kind, Path> input : inputs.entrySet()) {
            long started = System.nanoTime();
            FileReport report = ingest.ingest(request(input.getKey(), input.getValue()));
            record.accept(new Phase(Group.ENGINE, input.getKey() == Kind.DEPLOYMENTS
                    ? Measure.DEPLOYMENTS_INGEST : Measure.INGEST, "ingest " + input.getKey().id(), report.read(), seconds(started),
                    String.format("loaded %,d, rejected %,d", report.loaded(), report.rejected())));
        }
        AnalysisRequest request = new AnalysisRequest("bench", period, null, Policy.defaults());
        long started = System.nanoTime();
        AnalysisResult result = analysis.analyze(request);
        Long deployments = jdbc.queryForObject("SELECT count(*) FROM deployments", Long.class);
        record.accept(new Phase(Group.ENGINE, Measure.ANALYSIS, "analysis", deployments == null ? 0 : deployments, seconds(started),
                String.format("%,d findings, %,d pending", result.findings(), result.pending())));
        started = System.nanoTime();
        analysis.analyzeTrendPeriods(result.runId(), request);
        record.accept(new Phase(Group.ENGINE, Measure.OTHER, "trend periods", 0, seconds(started),
                AnalysisService.TREND_PERIODS + " periods before"));
        PublishedRun published = reports.publish(result.runId(), request, output);
        long documentRows = 0;
        for (PublishedRun.Part part : published.parts()) {
            Path file = published.folder().resolve(part.name());
            long rows = rowsOf(part.name(), result);
            if (part.document() != null) {
                documentRows += rows;
            }
            record.accept(new Phase(part.document() != null ? Group.DOCUMENT : Group.ENGINE,
                    part.document() != null ? Measure.DOCUMENT : Measure.OTHER, part.name(), rows, part.seconds(),
                    Files.isRegularFile(file) ? String.format("%,d bytes", size(file)) : ""));
        }
        record.accept(new Phase(Group.DOCUMENT, Measure.DOCUMENTS, "the six documents, written at the same time",
                documentRows, published.documentsSeconds(), "from the first started to the last written"));
        return result.runId();
    }

    /** What a part of publishing handles: the audit workbook streams every population, the rest the findings. */
    private long rowsOf(String part, AnalysisResult result) {
        if (part.equals("audit-pack.xlsx")) {
            Long rows = jdbc.queryForObject("""
                    SELECT (SELECT count(*) FROM deployments) + (SELECT count(*) FROM changes)
                         + (SELECT count(*) FROM incidents) + (SELECT count(*) FROM finding WHERE run_id = ?)""",
                    Long.class, result.runId());
            return rows == null ? 0 : rows;
        }
        return result.findings() + result.pending();
    }

    private static IngestRequest request(Kind kind, Path file) {
        return new IngestRequest(kind, file, SourceFormat.fromPath(file), ZONE, null);
    }

    // ---- re-ingest ----

    private void reingest(Path deployments, Path work, Consumer<Phase> record) throws IOException {
        long started = System.nanoTime();
        FileReport same = ingest.ingest(request(Kind.DEPLOYMENTS, deployments));
        record.accept(new Phase(Group.RE_INGEST, Measure.OTHER, "the same deployments file again", same.read(), seconds(started),
                same.outcome().name().toLowerCase()));

        Path changed = work.resolve("data/deployments-" + MONTH + "-resent.csv");
        long edited = 0;
        try (BufferedReader in = Files.newBufferedReader(deployments, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(changed, StandardCharsets.UTF_8)) {
            out.write(in.readLine());
            out.newLine();
            long row = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (++row % 100 == 0) {
                    line = line.endsWith(",") ? line + "resent" : line + "#resent"; // test_evidence, the last field
                    edited++;
                }
                out.write(line);
                out.newLine();
            }
        }
        started = System.nanoTime();
        FileReport resent = ingest.ingest(request(Kind.DEPLOYMENTS, changed));
        record.accept(new Phase(Group.RE_INGEST, Measure.RESEND, "deployments with 1 % of records changed", resent.read(),
                seconds(started), String.format("%,d changed, %,d new versions stored, %,d unchanged", edited,
                        resent.loaded(), resent.duplicate())));
    }

    // ---- tools' exports through their profiles ----

    /**
     * The month's changes (ServiceNow change_request and sysapproval_approver) and deployments (GitHub JSON Lines)
     * through the shipped profiles, after the canonical files: every record equals the version already loaded, so each
     * is checked and counted duplicate, as the 1 % re-send's records are.
     */
    private void profiles(Path data, Consumer<Phase> record) {
        List<Object[]> exports = List.of(
                new Object[] {"servicenow-change", data.resolve("servicenow/change_request.csv"), Measure.OTHER},
                new Object[] {"servicenow-approval", data.resolve("servicenow/sysapproval_approver.csv"), Measure.OTHER},
                new Object[] {"github-deployment", data.resolve("github/deployments-" + MONTH + ".jsonl"),
                        Measure.PROFILE_DEPLOYMENTS_INGEST});
        for (Object[] export : exports) {
            Profile profile = Profile.shipped((String) export[0]);
            long started = System.nanoTime();
            FileReport report = ingest.ingest(IngestRequest.through(profile, (Path) export[1], ZoneId.of("UTC"),
                    Map.of(), null));
            record.accept(new Phase(Group.PROFILE, (Measure) export[2], profile.kind().id() + " via " + profile.name(),
                    report.read(), seconds(started), String.format("loaded %,d, rejected %,d, duplicate %,d",
                            report.loaded(), report.rejected(), report.duplicate())));
        }
    }

    // ---- the result ----

    private static BenchResult result(BenchScale scale, List<Phase> phases, double peakHeapMb, String database,
            FairLimitCheck check) {
        double copy = phases.stream().filter(p -> p.measure() == Measure.DEPLOYMENTS_COPY)
                .mapToDouble(Phase::rowsPerSecond).findFirst().orElse(0);
        double ingestRate = phases.stream().filter(p -> p.measure() == Measure.DEPLOYMENTS_INGEST)
                .mapToDouble(Phase::rowsPerSecond).findFirst().orElse(0);
        double copies = seconds(phases, p -> p.group() == Group.LIMIT && (p.measure() == Measure.DEPLOYMENTS_COPY
                || p.measure() == Measure.OTHER));
        double limit = copies + seconds(phases, p -> p.measure() == Measure.PLAIN_AGGREGATES);
        double fairLimit = copies + seconds(phases, p -> p.measure() == Measure.FAIR_LIMIT);
        double ingestAnalysis = seconds(phases, p -> p.measure() == Measure.DEPLOYMENTS_INGEST
                || p.measure() == Measure.INGEST || p.measure() == Measure.ANALYSIS);
        double documents = seconds(phases, p -> p.measure() == Measure.DOCUMENTS);
        double total = seconds(phases, p -> p.group() == Group.ENGINE) + documents;
        return new BenchResult(scale.name(), List.copyOf(phases), copy, ingestRate, limit, fairLimit,
                check.mismatches(), check.checked(), ingestAnalysis, documents, total, peakHeapMb,
                MemoryWatch.peakRssMb(), Runtime.getRuntime().availableProcessors(), database);
    }

    private static double seconds(List<Phase> phases, Predicate<Phase> which) {
        return phases.stream().filter(which).mapToDouble(Phase::seconds).sum();
    }

    private static String counts(Map<String, Long> generated) {
        return generated.entrySet().stream().filter(e -> !e.getKey().startsWith("corrections/"))
                .map(e -> String.format("%s %,d", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
