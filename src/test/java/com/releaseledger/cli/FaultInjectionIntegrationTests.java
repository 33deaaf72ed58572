package com.releaseledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.releaseledger.support.LedgerIntegrationTest;
import com.releaseledger.support.TestDatabase;

/**
 * The fault-injection campaign, kept: the engine, in a process of its own, is killed (SIGKILL: no shutdown hook, no
 * chance to record anything) just after each step boundary of a run, and the next run must resume it and end with
 * the same ledger and byte-identical metrics.csv, findings.csv and pending.csv as a run that was never interrupted.
 * The windows inside a start (a job instance without an execution, an execution without a step) are tested one by
 * one in IngestRestartIntegrationTests and JobRestartIntegrationTests, where they can be made exactly.
 */
class FaultInjectionIntegrationTests extends LedgerIntegrationTest {

    private static final List<String> CSV_FILES = List.of("metrics.csv", "findings.csv", "pending.csv");

    /** The inputs, written once, and what an uninterrupted run of them gives (made by the first trial). */
    @TempDir
    static Path inputs;
    private static List<Map<String, Object>> uninterruptedLedger;
    private static final Map<String, byte[]> uninterruptedFiles = new HashMap<>();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest(name = "killed after {0}")
    @ValueSource(strings = {
            "step loadRows (%s/services.csv): completed",
            "step publishFile (%s/services.csv): completed",
            "step loadRows (%s/deployments-1.csv): completed",
            "step publishFile (%s/deployments-1.csv): completed",
            "step loadRows (%s/deployments-2.csv): completed",
            "step publishFile (%s/deployments-2.csv): completed",
            "step loadRows (%s/incidents.csv): completed",
            "step publishFile (%s/incidents.csv): completed",
            "step ingestSources (job faults, period 2026-10): completed",
            "step analyzePeriod (job faults, period 2026-10): completed",
            "step analyzeTrendPeriods (job faults, period 2026-10): completed"})
    void aRunKilledAtAStepBoundaryResumesToTheSameLedgerAndFiles(String boundary) throws Exception {
        Path job = uninterrupted();
        String line = boundary.formatted(inputs);

        Process engine = startEngine(dir.resolve("killed.log"), "run", job.toString(), "--period", "2026-10",
                "--output", dir.resolve("killed").toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && engine.isAlive()
                && !Files.readString(dir.resolve("killed.log")).contains(line)) {
            Thread.sleep(10);
        }
        assertThat(engine.isAlive()).as("still running at the boundary:\n" + Files.readString(dir.resolve("killed.log")))
                .isTrue();
        engine.destroyForcibly(); // SIGKILL
        assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // the next run resumes it, and it ends as if it had never been interrupted
        assertThat(run(job, dir.resolve("killed"))).as(out + "\n" + err).isZero();
        List<Map<String, Object>> resumed = ledgerSnapshot();
        assertThat(resumed.stream().filter(row -> !uninterruptedLedger.contains(row)).toList())
                .as("in the resumed ledger only").isEmpty();
        assertThat(uninterruptedLedger.stream().filter(row -> !resumed.contains(row)).toList())
                .as("in the uninterrupted ledger only").isEmpty();
        assertThat(resumed).isEqualTo(uninterruptedLedger);
        for (String file : CSV_FILES) {
            assertThat(Files.readAllBytes(dir.resolve("killed/faults/2026-10").resolve(file))).as(file)
                    .isEqualTo(uninterruptedFiles.get(file));
        }
    }

    /** The job (three kinds, four files) and, the first time, what an uninterrupted run of it gives. */
    private Path uninterrupted() throws IOException {
        Path job = inputs.resolve("job.yml");
        if (uninterruptedLedger == null) {
            writeInputs();
            Path output = inputs.resolve("uninterrupted");
            assertThat(run(job, output)).as(out + "\n" + err).isZero();
            uninterruptedLedger = ledgerSnapshot();
            for (String file : CSV_FILES) {
                uninterruptedFiles.put(file, Files.readAllBytes(output.resolve("faults/2026-10").resolve(file)));
            }
            emptyLedger();
        }
        return job;
    }

    private static void writeInputs() throws IOException {
        Files.writeString(inputs.resolve("services.csv"), "service,team,slo_target\nsvc-a,team-1,99.5\nsvc-b,team-2,\n");
        for (int part = 1; part <= 2; part++) {
            try (Writer file = Files.newBufferedWriter(inputs.resolve("deployments-" + part + ".csv"))) {
                file.write("deployment_id,service,environment,status,started_at,finished_at\n");
                for (int i = 1; i <= 3_000; i++) {
                    int minute = (i * 7 + part) % (31 * 24 * 60);
                    file.write(String.format("dep-%d-%d,svc-%s,production,%s,2026-10-%02dT%02d:%02d:00Z,"
                            + "2026-10-%02dT%02d:%02d:30Z%n", part, i, i % 2 == 0 ? "a" : "b",
                            i % 10 == 0 ? "failed" : "succeeded", 1 + minute / 1440, minute / 60 % 24, minute % 60,
                            1 + minute / 1440, minute / 60 % 24, minute % 60));
                }
            }
        }
        Files.writeString(inputs.resolve("incidents.csv"), """
                incident_id,service,severity,started_at,resolved_at,caused_by_deployment_id
                i1,svc-a,2,2026-10-03T10:00:00Z,2026-10-03T11:00:00Z,dep-1-2
                i2,svc-b,3,2026-10-20T10:00:00Z,,
                """);
        Files.writeString(inputs.resolve("job.yml"), """
                job: faults
                sources:
                  - kind: services
                    path: services.csv
                  - kind: deployments
                    path: deployments-*.csv
                  - kind: incidents
                    path: incidents.csv
                reports: [scorecard]
                """);
    }

    private int run(Path job, Path output) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), TestDatabase.commandLine("run",
                job.toString(), "--period", "2026-10", "--output", output.toString()));
    }
}
