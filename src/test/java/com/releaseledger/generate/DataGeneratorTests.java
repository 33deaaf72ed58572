package com.releaseledger.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
