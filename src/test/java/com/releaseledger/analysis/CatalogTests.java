package com.releaseledger.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The catalog and the SQL files are one list: every metric and rule has its file, whose header names it as the
 * catalog does (with its unit or severity), and every file under {@code sql/metrics/} and {@code sql/findings/} is
 * in the catalog.
 */
class CatalogTests {

    @Test
    void everyMetricHasItsFileWithAHeaderNamingItAndItsUnit() throws IOException {
        for (Catalog.Metric metric : Catalog.METRICS) {
            String header = firstLine(Path.of("sql", metric.file()));
            assertThat(header).as(metric.file())
                    .startsWith("-- Metric: " + metric.name() + " (" + metric.unit() + ")");
        }
    }

    @Test
    void everyRuleHasItsFileWithAHeaderNamingItsIdNameAndSeverity() throws IOException {
        for (Catalog.Rule rule : Catalog.RULES) {
            String header = firstLine(Path.of("sql", rule.file()));
            assertThat(header).as(rule.file())
                    .startsWith("-- Rule " + rule.id() + " " + rule.name() + " (" + rule.severity() + ")");
        }
    }

    @Test
    void everyMetricAndFindingFileIsInTheCatalog() throws IOException {
        assertThat(files("metrics")).containsExactlyInAnyOrderElementsOf(
                Catalog.METRICS.stream().map(Catalog.Metric::file).toList());
        assertThat(files("findings")).containsExactlyInAnyOrderElementsOf(
                Catalog.RULES.stream().map(Catalog.Rule::file).toList());
    }

    private static List<String> files(String folder) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sql", folder))) {
            return files.map(file -> folder + "/" + file.getFileName()).toList();
        }
    }

    private static String firstLine(Path file) throws IOException {
        return Files.readAllLines(file).get(0);
    }
}
