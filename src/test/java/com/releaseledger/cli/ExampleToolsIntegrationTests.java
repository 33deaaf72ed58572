package com.releaseledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.releaseledger.support.LedgerIntegrationTest;
import com.releaseledger.support.TestDatabase;

/**
 * The example of the real thing: {@code jobs/example-tools.yml} runs the example organisation from ServiceNow,
 * PagerDuty and GitHub exports through the shipped profiles, and wherever the tools carry the same information its
 * metrics and findings equal the canonical example's. Where they cannot: PagerDuty has no incident causes (change
 * failure rate, recovery, RL12), no detection time (time to acknowledge), no customer impact (error budgets, RL13)
 * and no postmortems (RL11); ServiceNow's export has no exception ids (RL07's excepted release, RL10).
 */
class ExampleToolsIntegrationTests extends LedgerIntegrationTest {

    /** Metrics the tools' exports carry in full. */
    private static final Set<String> SAME_METRICS = Set.of("deployments", "successful_deployments",
            "deployment_frequency_per_day", "deploy_days", "deployment_failure_rate", "lead_time_median_hours",
            "lead_time_p90_hours", "incidents", "mttr_mean_hours", "mttr_median_hours", "mttr_p90_hours",
            "rework_rate", "emergency_change_ratio", "error_budget_allowed_minutes");
    /** Rules whose inputs the tools' exports carry in full. */
    private static final List<String> SAME_RULES = List.of("RL01", "RL02", "RL03", "RL04", "RL05", "RL06", "RL08",
            "RL09", "RL14", "RL15");

    @TempDir
    Path dir;

    @Test
    void theToolsExportsGiveTheCanonicalExamplesNumbersWhereTheyCarryTheSameInformation() throws IOException {
        // given the canonical example's files of October
        assertThat(run("jobs/example.yml", "canonical")).isZero();
        List<CSVRecord> canonicalMetrics = read("canonical/example/2026-10/metrics.csv");
        List<CSVRecord> canonicalFindings = read("canonical/example/2026-10/findings.csv");
        emptyLedger();

        // when the same organisation comes from the tools' exports
        assertThat(run("jobs/example-tools.yml", "tools")).isZero();
        List<CSVRecord> toolMetrics = read("tools/example-tools/2026-10/metrics.csv");
        List<CSVRecord> toolFindings = read("tools/example-tools/2026-10/findings.csv");

        // then every metric row the tools carry is the same, value, numerator, denominator and band
        assertThat(select(toolMetrics, SAME_METRICS)).isEqualTo(select(canonicalMetrics, SAME_METRICS)).hasSize(14 * 29
                - 10);
        for (String rule : SAME_RULES) {
            assertThat(findings(toolFindings, rule)).as(rule).isEqualTo(findings(canonicalFindings, rule));
        }
        // and the rules whose inputs a tool lacks differ as the missing fields say
        assertThat(findings(toolFindings, "RL10")).isEmpty();                   // no exception ids at all
        assertThat(findings(toolFindings, "RL07")).hasSize(findings(canonicalFindings, "RL07").size() + 1);
    }

    private int run(String job, String output) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), TestDatabase.commandLine("run",
                job, "--period", "2026-10", "--output", dir.resolve(output).toString()));
        assertThat(out.toString()).as(err.toString()).contains(" 0 refused; ");
        return exit;
    }

    private List<CSVRecord> read(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(dir.resolve(file))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static List<String> select(List<CSVRecord> metrics, Set<String> names) {
        return metrics.stream().filter(r -> names.contains(r.get("metric"))).map(r -> String.join(",", r.values()))
                .toList();
    }

    private static List<String> findings(List<CSVRecord> findings, String rule) {
        return findings.stream().filter(r -> r.get("rule_id").equals(rule)).map(r -> String.join(",", r.values()))
                .toList();
    }
}
