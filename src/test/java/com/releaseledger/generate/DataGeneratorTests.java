package com.releaseledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.releaseledger.ingest.Field;
import com.releaseledger.ingest.Kind;

import tools.jackson.databind.json.JsonMapper;

class DataGeneratorTests {

    private static final GeneratorSettings SMALL = new GeneratorSettings(YearMonth.of(2026, 9), 2, 8, 2, 200, 7L,
            0.01, ZoneId.of("Europe/London"));

    @TempDir
    Path dir;

    @Test
    void theSameSettingsGiveByteIdenticalFiles() throws IOException {
        DataGenerator.generate(dir.resolve("a"), SMALL);
        DataGenerator.generate(dir.resolve("b"), SMALL);

        for (Path file : files(dir.resolve("a"))) {
            Path twin = dir.resolve("b").resolve(dir.resolve("a").relativize(file));
            assertThat(Files.mismatch(file, twin)).as(file.toString()).isEqualTo(-1L);
        }
    }

    /**
     * The committed example ({@code jobs/example/}, made by {@code generate --out jobs/example} with the defaults, and
     * {@code jobs/example-tools/}, its tools' exports from {@code --as servicenow,pagerduty,github}): the generator
     * still writes exactly those bytes, so a change to how it is built cannot change what it makes.
     */
    @Test
    void theDefaultsStillGiveTheCommittedExampleByteForByte() throws IOException {
        Map<String, Long> rows = DataGenerator.generate(dir.resolve("example"), GeneratorSettings.example(),
                "servicenow,pagerduty,github");

        assertThat(rows).isNotEmpty();
        // the canonical files, and beside them the tools' exports of jobs/example-tools/ (generate --as)
        List<Path> committed = new ArrayList<>(files(Path.of("jobs/example")));
        committed.addAll(files(Path.of("jobs/example-tools")));
        assertThat(files(dir.resolve("example"))).hasSameSizeAs(committed);
        for (Path file : committed) {
            Path root = file.startsWith("jobs/example-tools") ? Path.of("jobs/example-tools") : Path.of("jobs/example");
            Path generated = dir.resolve("example").resolve(root.relativize(file));
            assertThat(Files.mismatch(file, generated)).as(file.toString()).isEqualTo(-1L);
        }
    }

    @Test
    void eachFileHasItsKindsFieldsAsColumnsOrKeys() throws IOException {
        DataGenerator.generate(dir, SMALL);

        for (Path file : files(dir)) {
            String name = file.getFileName().toString();
            Kind kind = name.startsWith("deployments-") ? Kind.DEPLOYMENTS
                    : Kind.of(name.substring(0, name.indexOf('.')));
            List<String> fields = kind.fields().stream().map(Field::name).toList();
            String first = Files.readAllLines(file).get(0);
            if (name.endsWith(".csv")) {
                assertThat(List.of(first.split(",", -1))).as(name).isEqualTo(fields);
            } else {
                List<String> keys = new ArrayList<>();
                JsonMapper.builder().build().readTree(first).propertyNames().forEach(keys::add);
                assertThat(keys).as(name).isEqualTo(fields);
            }
        }
    }

    @Test
    void anotherSeedGivesOtherData() throws IOException {
        DataGenerator.generate(dir.resolve("a"), SMALL);
        DataGenerator.generate(dir.resolve("b"), new GeneratorSettings(SMALL.firstMonth(), SMALL.months(),
                SMALL.services(), SMALL.teams(), SMALL.deploymentsPerMonth(), 8L, SMALL.malformedShare(), SMALL.zone()));

        assertThat(Files.mismatch(dir.resolve("a/deployments-2026-09.csv"), dir.resolve("b/deployments-2026-09.csv")))
                .isNotEqualTo(-1L);
    }

    @Test
    void writesEveryKindWithAFileOfDeploymentsPerMonthAndCountsWhatItWrote() throws IOException {
        Map<String, Long> rows = DataGenerator.generate(dir, SMALL);

        assertThat(rows.keySet()).containsExactlyInAnyOrder("services.csv", "blackouts.csv", "changes.csv",
                "exceptions.csv", "incidents.jsonl", "deployments-2026-09.csv", "deployments-2026-10.csv",
                "corrections/deployments-2026-10.csv");
        for (Map.Entry<String, Long> file : rows.entrySet()) {
            long lines = Files.readAllLines(dir.resolve(file.getKey())).size();
            long header = file.getKey().endsWith(".jsonl") ? 0 : 1;
            assertThat(lines).as(file.getKey()).isEqualTo(file.getValue() + header);
        }
        // 8 services plus one with invalid optional values; a monthly maintenance blackout and a quarter-end freeze
        assertThat(rows.get("services.csv")).isEqualTo(9);
        assertThat(rows.get("blackouts.csv")).isEqualTo(3);
    }

    @Test
    void writesNoMalformedRowsWhenAskedForNone() throws IOException {
        DataGenerator.generate(dir, new GeneratorSettings(SMALL.firstMonth(), 1, 8, 2, 400, 7L, 0,
                ZoneId.of("UTC")));

        assertThat(Files.readString(dir.resolve("deployments-2026-09.csv"))).doesNotContain("DEP-BAD-");
        assertThat(Files.readString(dir.resolve("incidents.jsonl"))).doesNotContain("INC-BAD-", "INC-BROKEN-");
        assertThat(Files.readString(dir.resolve("services.csv"))).doesNotContain("reporting-batch");
    }

    @Test
    void oneChangeCoversSeveralDeploymentsAndIncidentsScaleWhenAsked() throws IOException {
        GeneratorSettings usual = new GeneratorSettings(SMALL.firstMonth(), 1, 8, 2, 2000, 7L, 0, ZoneId.of("UTC"));
        GeneratorSettings enterprise = new GeneratorSettings(SMALL.firstMonth(), 1, 8, 2, 2000, 7L, 0,
                ZoneId.of("UTC"), 5, 3.0, true);
        Map<String, Long> one = DataGenerator.generate(dir.resolve("one"), usual);
        Map<String, Long> several = DataGenerator.generate(dir.resolve("several"), enterprise);

        // far fewer changes, and more incidents; with more incidents, more error budgets run out and teams hold
        // more releases, so there are somewhat fewer deployments
        assertThat(several.get("changes.csv")).isLessThan(one.get("changes.csv") / 2);
        assertThat(several.get("deployments-2026-09.csv")).isBetween(one.get("deployments-2026-09.csv") * 6 / 10,
                one.get("deployments-2026-09.csv"));
        // three times as likely per deployment, over fewer deployments, beside the same planted incidents
        assertThat(several.get("incidents.jsonl")).isGreaterThan(one.get("incidents.jsonl") * 3 / 2);

        // every change a deployment names is in changes.csv, and some change is shipped by several deployments
        java.util.Set<String> changes = new java.util.HashSet<>();
        Files.readAllLines(dir.resolve("several/changes.csv")).stream().skip(1)
                .forEach(line -> changes.add(line.substring(0, line.indexOf(','))));
        Map<String, Long> production = new java.util.HashMap<>();
        List<String> header = List.of(Files.readAllLines(dir.resolve("several/deployments-2026-09.csv")).get(0)
                .split(","));
        int changeColumn = header.indexOf("change_id");
        int environmentColumn = header.indexOf("environment");
        int rollbackColumn = header.indexOf("rollback_of");
        for (String line : Files.readAllLines(dir.resolve("several/deployments-2026-09.csv")).subList(1,
                several.get("deployments-2026-09.csv").intValue() + 1)) {
            String[] fields = line.split(",", -1);
            String change = fields[changeColumn];
            if (!change.isEmpty() && changes.contains(change) && fields[environmentColumn].equals("production")
                    && fields[rollbackColumn].isEmpty()) {
                production.merge(change, 1L, Long::sum);
            }
        }
        assertThat(production.values()).anyMatch(n -> n >= 3);
    }

    @Test
    void plantsTheGovernanceScenariosEveryMonth() throws IOException {
        DataGenerator.generate(dir, SMALL);
        String changes = Files.readString(dir.resolve("changes.csv"));
        String deployments = Files.readString(dir.resolve("deployments-2026-10.csv"));

        assertThat(changes).contains(" PRIYA SHAH ;Tom Baker");       // RL04 self-approval
        assertThat(changes).contains(",rejected,");                   // RL03
        assertThat(deployments).contains(",\" tom baker\",");         // RL05 approver deployed (quoted: a leading space)
        assertThat(deployments).contains(",legacy-reporting,");       // a service missing from services.csv
        assertThat(deployments).contains(",rolled_back,");            // RL12, RL14
        assertThat(Files.readString(dir.resolve("exceptions.csv")))
                .contains("EXC-2026-10-OK", "EXC-2026-10-EXPIRED", "EXC-2026-10-LONG"); // RL10 and its valid twin
    }

    /**
     * Incidents as a typical month has them: most resolved within minutes to a few hours, a few long ones, one left
     * open for good (a forgotten severity-4 ticket without customer impact, which every later period flags as
     * stale), and each month one outage that spans the month's end (open at the period end, resolved after it).
     */
    @Test
    void incidentsAreMostlyShortWithOneNeverResolvedAndOneOpenAtEachMonthEnd() throws IOException {
        DataGenerator.generate(dir, new GeneratorSettings(SMALL.firstMonth(), 2, 8, 2, 200, 7L, 0, SMALL.zone()));
        JsonMapper json = JsonMapper.builder().build();
        List<Map<?, ?>> incidents = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("incidents.jsonl"))) {
            Map<?, ?> incident = json.readValue(line, Map.class);
            incidents.add(incident);
        }
        List<Map<?, ?>> open = incidents.stream().filter(i -> i.get("resolved_at") == null).toList();
        assertThat(open).singleElement().satisfies(forgotten -> {
            assertThat(forgotten.get("severity")).isEqualTo(4);
            assertThat(forgotten.get("customer_impact")).isEqualTo(false);
            assertThat(String.valueOf(forgotten.get("started_at"))).startsWith("2026-09-20"); // the first month
        });
        List<Duration> lengths = incidents.stream().filter(i -> i.get("resolved_at") != null)
                .map(i -> Duration.between(Instant.parse(String.valueOf(i.get("started_at"))),
                        Instant.parse(String.valueOf(i.get("resolved_at"))))).toList();
        long withinTwoHours = lengths.stream().filter(d -> d.compareTo(Duration.ofHours(2)) <= 0).count();
        assertThat(withinTwoHours).isGreaterThanOrEqualTo(lengths.size() * 9 / 10);
        assertThat(lengths).allMatch(d -> d.compareTo(Duration.ofHours(21)) < 0);
        // the planted outage across each month's end (midnight in London: 23:00 UTC in October, 00:00 in November)
        for (Instant monthEnd : List.of(Instant.parse("2026-09-30T23:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"))) {
            assertThat(incidents).anyMatch(i -> i.get("resolved_at") != null
                    && Instant.parse(String.valueOf(i.get("started_at"))).isBefore(monthEnd)
                    && Instant.parse(String.valueOf(i.get("resolved_at"))).isAfter(monthEnd)
                    && Boolean.TRUE.equals(i.get("customer_impact")));
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
