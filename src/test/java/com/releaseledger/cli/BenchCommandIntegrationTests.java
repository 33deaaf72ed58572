package com.releaseledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.releaseledger.support.LedgerIntegrationTest;
import com.releaseledger.support.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark as a user runs it, at its smallest scale: every phase measured, the JSON the issue asks for. */
class BenchCommandIntegrationTests extends LedgerIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void benchMeasuresEveryPhaseAndWritesTheFiguresAsJson() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path json = dir.resolve("bench.json");

        int exit = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                TestDatabase.commandLine("bench", "--scale", "10k", "--work", dir.resolve("work").toString(), "--json",
                        json.toString()));

        assertThat(exit).as(err.toString()).isZero();
        JsonNode figures = JsonMapper.builder().build().readTree(Files.readString(json));
        for (String key : List.of("scale", "phases", "copy_rows_per_s", "ingest_rows_per_s", "ingest_to_copy_ratio",
                "limit_seconds", "fair_limit_seconds", "ingest_analysis_to_fair_limit_ratio", "analysis_seconds",
                "whole_run_seconds", "ingest_analysis_seconds", "documents_seconds", "total_seconds", "peak_heap_mb",
                "peak_rss_mb", "profile_ingest_rows_per_s", "profile_to_canonical_ingest_ratio",
                "profile_to_resend_ratio")) {
            assertThat(figures.has(key)).as(key).isTrue();
        }
        assertThat(figures.get("scale").asString()).isEqualTo("10k");
        List<String> phases = new ArrayList<>();
        figures.get("phases").forEach(phase -> {
            assertThat(phase.has("rows") && phase.has("seconds") && phase.has("rows_per_s")).isTrue();
            phases.add(phase.get("name").asString());
        });
        assertThat(phases).contains("COPY deployments-2026-10.csv", "COPY incidents.jsonl",
                "plain aggregates, one per metric (20)", "ingest services", "ingest changes", "ingest deployments",
                "ingest incidents", "analysis", "audit-pack.pdf", "error-budget.pdf", "scorecard.pdf",
                "audit-pack.xlsx", "error-budget.xlsx", "scorecard.xlsx", "the same deployments file again",
                "deployments with 1 % of records changed", "changes via servicenow-change",
                "approvals via servicenow-approval", "deployments via github-deployment");
        // through the GitHub profile, the same deployments: the 1 % re-sent ones differ from it, the rest are
        // the versions already loaded
        assertThat(note(figures, "deployments via github-deployment")).isEqualTo(String.format(
                "loaded %,d, rejected 0, duplicate %,d", rows(figures, "ingest deployments") / 100,
                rows(figures, "ingest deployments") - rows(figures, "ingest deployments") / 100));
        assertThat(figures.get("profile_ingest_rows_per_s").asDouble()).isPositive();

        // the bare COPY and the engine loaded the same rows
        long copied = rows(figures, "COPY deployments-2026-10.csv");
        assertThat(copied).isPositive().isEqualTo(rows(figures, "ingest deployments"));
        // the same file again is skipped by its hash; in the changed copy every 100th record differs, and only
        // those are stored as new versions
        assertThat(note(figures, "the same deployments file again")).isEqualTo("skipped");
        assertThat(note(figures, "deployments with 1 % of records changed")).startsWith(String.format(
                "%,d changed, %,d new versions stored, %,d unchanged", copied / 100, copied / 100,
                copied - copied / 100));
        assertThat(figures.get("ingest_to_copy_ratio").asDouble()).isPositive();
        // the fair limit computes what the engine computes: every metric of every scope, value for value (the
        // organisation, 12 teams and every service of the 10k month), and every finding, key for key
        assertThat(figures.get("fair_limit_mismatches")).as(figures.get("fair_limit_mismatches").toString())
                .isEmpty();
        assertThat(figures.get("fair_limit_values_checked").asLong()).isGreaterThan(20 * (1 + 12 + 400));
        assertThat(figures.get("fair_limit_seconds").asDouble()).isPositive();
        // the documents are written at the same time: their phase is from the first started to the last written
        assertThat(seconds(figures, "the six documents, written at the same time"))
                .isCloseTo(figures.get("documents_seconds").asDouble(), within(0.01));
        assertThat(figures.get("peak_heap_mb").asDouble()).isPositive();
        assertThat(out.toString()).contains("ingest of deployments (engine)", "x COPY", "peak heap used");

        // the scratch tables are gone; the ledger holds what the engine ingested (the benchmark ran on it)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'bench\\_%'", Long.class))
                .isZero();
    }

    @Test
    void benchRefusesALedgerThatHoldsFiles() throws IOException {
        jdbc.update("INSERT INTO source_file (kind, format, path, sha256, size_bytes, source_zone, status)"
                + " VALUES ('services', 'csv', 'x.csv', 'ab', 1, 'UTC', 'skipped')");
        StringWriter err = new StringWriter();

        int exit = Cli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                TestDatabase.commandLine("bench", "--scale", "10k", "--work", dir.resolve("work").toString()));

        assertThat(exit).isEqualTo(Cli.BAD_INPUT);
        assertThat(err.toString()).contains("the benchmark needs an empty ledger and this one holds 1 file(s)");
    }

    private static double seconds(JsonNode figures, String phase) {
        for (JsonNode p : figures.get("phases")) {
            if (p.get("name").asString().equals(phase)) {
                return p.get("seconds").asDouble();
            }
        }
        throw new AssertionError("no phase " + phase);
    }

    private static long rows(JsonNode figures, String phase) {
        for (JsonNode entry : figures.get("phases")) {
            if (entry.get("name").asString().equals(phase)) {
                return entry.get("rows").asLong();
            }
        }
        throw new AssertionError("no phase " + phase);
    }

    private static String note(JsonNode figures, String phase) {
        for (JsonNode entry : figures.get("phases")) {
            if (entry.get("name").asString().equals(phase)) {
                return entry.get("note").asString();
            }
        }
        throw new AssertionError("no phase " + phase);
    }
}
