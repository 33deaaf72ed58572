package com.releaseledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.releaseledger.support.LedgerIntegrationTest;
import com.releaseledger.support.TestDatabase;

/**
 * A job's run restarts where it failed or was stopped (DESIGN.md section 8): the steps that completed are not done
 * again, and the run ends with the same ledger and byte-identical CSV files as a run that was never interrupted.
 */
class JobRestartIntegrationTests extends LedgerIntegrationTest {

    private static final List<String> CSV_FILES = List.of("metrics.csv", "findings.csv", "pending.csv");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aRunFailingInItsAnalysisStepResumesThereWithTheSameLedgerAndFiles() throws IOException {
        Path job = writeJob(dir, 300);

        // an uninterrupted run, for comparison
        assertThat(run(job, "uninterrupted")).as(err.toString()).isZero();
        List<Map<String, Object>> uninterruptedLedger = ledgerSnapshot();
        emptyLedger();

        // a run whose analysis step fails: the database refuses the metric values
        assertThat(runFailingInTheAnalysis(job, "interrupted")).isEqualTo(Cli.FAILED);
        assertThat(err.toString()).contains("job restart-test, period 2026-10 failed in step analyzePeriod: "
                + "ERROR: injected failure in the analysis", "the next run resumes it there");
        // the ingest committed, the analysis left nothing, nothing was written
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_file WHERE status = 'loaded'", Long.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis_run", Long.class)).isZero();
        assertThat(dir.resolve("interrupted/restart-test/2026-10")).doesNotExist();

        // the next run resumes at the analysis step: the ingest is not done again
        assertThat(run(job, "interrupted")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("resumed the run of job restart-test, period 2026-10 where it had stopped");
        assertThat(jdbc.queryForList("""
                SELECT s.step_name || ' ' || s.status FROM batch_step_execution s
                JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id AND i.job_name = 'job-run'
                ORDER BY s.step_execution_id""", String.class)).containsExactly("ingestSources COMPLETED",
                "analyzePeriod FAILED", "analyzePeriod COMPLETED", "analyzeTrendPeriods COMPLETED",
                "publishReports COMPLETED");

        // and ends with the same ledger and the same bytes
        assertThat(ledgerSnapshot()).isEqualTo(uninterruptedLedger);
        for (String file : CSV_FILES) {
            assertThat(Files.readAllBytes(dir.resolve("interrupted/restart-test/2026-10").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("uninterrupted/restart-test/2026-10").resolve(file)));
        }

        // runs shows both attempts
        assertThat(Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                TestDatabase.commandLine("runs", "--job", "restart-test"))).isZero();
        assertThat(out.toString()).containsPattern("restart-test\\s+2026-10\\s+failed")
                .containsPattern("restart-test\\s+2026-10\\s+completed");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.batch.core.repository.JobRepository jobRepository;

    /** A kill between the run's job instance and its first execution: the next run starts it afresh. */
    @Test
    void aRunKilledBetweenItsJobInstanceAndItsExecutionStartsAgain() throws IOException {
        Path job = writeJob(dir, 300);
        jobRepository.createJobInstance("job-run", new org.springframework.batch.core.job.parameters
                .JobParametersBuilder().addString("job", "restart-test").addString("period", "2026-10")
                .addLong("version", 1L).addString("as.of", "2026-11-01T00:00:00Z").toJobParameters());

        assertThat(run(job, "out")).as(err.toString()).isZero();
        assertThat(dir.resolve("out/restart-test/2026-10/manifest.json")).exists();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM batch_job_instance WHERE job_name = 'job-run'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void sigtermMidRunStopsItAndTheNextRunResumesIt() throws Exception {
        Path job = writeJob(dir, 150_000);
        Process process = startEngine(dir.resolve("process.log"), "run", job.toString(), "--period", "2026-10",
                "--output", dir.resolve("out").toString());

        // SIGTERM arrives while the file is loading, after some chunks are committed
        sigtermAfterCommittedRows(process, 20_000, dir.resolve("process.log"));
        // the documented exit code of a stopped run (not the signal's 143), and the stop said in words
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("process.log"))).isEqualTo(Cli.FAILED);
        assertThat(Files.readString(dir.resolve("process.log"))).contains("stopped in step ingestSources");

        // the run and its ingest are marked stopped, not left running, and nothing of the file is visible
        assertThat(jdbc.queryForList("""
                SELECT i.job_name || ' ' || e.status FROM batch_job_execution e
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id ORDER BY i.job_name, e.status""",
                String.class)).as(Files.readString(dir.resolve("process.log")))
                .containsExactly("ingest-file COMPLETED", "ingest-file STOPPED", "job-run STOPPED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deployments", Long.class)).isZero();

        // the next run resumes it: the deployments file from its last chunk, then the analysis and the documents
        assertThat(run(job, "out")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("resumed the run of job restart-test, period 2026-10")
                .containsPattern("deployments\\.csv\\s+deployments\\s+loaded\\s+150,000\\s+150,000\\s+0\\s+0");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deployments", Long.class)).isEqualTo(150_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deployment_version", Long.class)).isEqualTo(150_000);
        // the registry holds each file once: the services file the first attempt finished is not registered again
        // (as a "skipped" duplicate of itself) when the run resumes
        assertThat(jdbc.queryForList("SELECT kind || ' ' || status FROM source_file ORDER BY file_id", String.class))
                .containsExactly("services loaded", "deployments loaded");
        assertThat(dir.resolve("out/restart-test/2026-10/manifest.json")).exists();
        // every deployment names no change: RL01 finds each one
        assertThat(Files.readAllLines(dir.resolve("out/restart-test/2026-10/findings.csv"))).hasSize(150_001);
    }

    /** SIGTERM while the documents are written: a stop (exit 1, "stopped"), no half-written file left. */
    @Test
    void sigtermWhilePublishingStopsTheRunAndLeavesNoPartialFile() throws Exception {
        Path job = writeJob(dir, 3_000);
        Process process = startEngine(dir.resolve("publish.log"), "run", job.toString(), "--period", "2026-10",
                "--output", dir.resolve("out").toString());

        // once the step before the documents has completed: the documents are being written
        sigtermWhenLogged(process, "step analyzeTrendPeriods (job restart-test, period 2026-10): completed",
                dir.resolve("publish.log"));

        String log = Files.readString(dir.resolve("publish.log"));
        assertThat(process.exitValue()).as(log).isEqualTo(Cli.FAILED);
        assertThat(log).contains("stopped in step publishReports; the next run resumes it there")
                .doesNotContain("failed in step publishReports");
        // (the stop may come before the step made the output folder: then there is nothing to leave behind)
        if (Files.exists(dir.resolve("out"))) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir.resolve("out"))) {
                assertThat(files.map(Path::toString).filter(name -> name.endsWith(".partial")).toList()).isEmpty();
            }
        }

        // the next run resumes at the documents and completes them
        assertThat(run(job, "out")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("resumed the run of job restart-test, period 2026-10");
        assertThat(dir.resolve("out/restart-test/2026-10/manifest.json")).exists();
    }

    @Test
    void aResumedRunUsesTheJobFileAsItWasWhenTheRunStartedNotAsEditedSince() throws IOException {
        // given a run that failed in its analysis step
        Path job = writeJob(dir, 300);
        assertThat(runFailingInTheAnalysis(job, "first")).isEqualTo(Cli.FAILED);

        // when someone edits the job file (another policy, other documents, another output) and the run resumes
        Files.writeString(job, Files.readString(job).replace("reports: [scorecard]", """
                reports: [audit-pack]
                output: elsewhere
                policy:
                  production_environments: [staging]
                """));
        assertThat(run(job, "second")).as(err.toString()).isZero();

        // then it analysed and published with the job it started with: production is production (300 deployments
        // without a change: 300 RL01 findings), the scorecard only, in the first attempt's output folder
        assertThat(out.toString()).contains("resumed the run of job restart-test, period 2026-10");
        Path folder = dir.resolve("first/restart-test/2026-10");
        assertThat(Files.readAllLines(folder.resolve("findings.csv"))).hasSize(301);
        try (var files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted().toList()).containsExactly(
                    "findings.csv", "manifest.json", "manifest.sig", "metrics.csv", "pending.csv", "scorecard.pdf",
                    "scorecard.xlsx");
        }
        assertThat(dir.resolve("second")).doesNotExist();
        assertThat(dir.resolve("elsewhere")).doesNotExist();
        assertThat(Files.readString(folder.resolve("manifest.json")))
                .contains("\"production_environments\" : [ \"production\", \"prod\" ]");
        assertThat(jdbc.queryForObject("SELECT policy->>'production_environments' FROM analysis_run"
                + " WHERE trend_of IS NULL", String.class)).isEqualTo("[\"production\", \"prod\"]");

        // and a new run of the edited job (another period) uses the file as it is now
        out.getBuffer().setLength(0);
        assertThat(Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), TestDatabase.commandLine("run",
                job.toString(), "--period", "2026-09"))).as(err.toString()).isZero();
        assertThat(dir.resolve("elsewhere/restart-test/2026-09/audit-pack.pdf")).exists();
    }

    /** Runs the job with the database refusing the metric values: the analysis step fails. */
    private int runFailingInTheAnalysis(Path job, String output) {
        jdbc.execute("""
                CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected failure in the analysis'; END $$""");
        jdbc.execute("CREATE TRIGGER injected_failure BEFORE INSERT ON metric_value"
                + " FOR EACH STATEMENT EXECUTE FUNCTION injected_failure()");
        try {
            return run(job, output);
        } finally {
            jdbc.execute("DROP TRIGGER injected_failure ON metric_value");
            jdbc.execute("DROP FUNCTION injected_failure()");
        }
    }

    /** A job over two services and {@code deployments} production deployments in October 2026. */
    private static Path writeJob(Path dir, int deployments) throws IOException {
        Files.writeString(dir.resolve("services.csv"), "service,team\nsvc-a,team-1\nsvc-b,team-2\n");
        try (Writer file = Files.newBufferedWriter(dir.resolve("deployments.csv"))) {
            file.write("deployment_id,service,environment,status,started_at,finished_at\n");
            for (int i = 1; i <= deployments; i++) {
                int minute = i % (31 * 24 * 60);
                file.write(String.format("dep-%d,svc-%s,production,%s,2026-10-%02dT%02d:%02d:00Z,2026-10-%02dT%02d:%02d:30Z%n",
                        i, i % 2 == 0 ? "a" : "b", i % 10 == 0 ? "failed" : "succeeded", 1 + minute / 1440,
                        minute / 60 % 24, minute % 60, 1 + minute / 1440, minute / 60 % 24, minute % 60));
            }
        }
        return Files.writeString(dir.resolve("job.yml"), """
                job: restart-test
                sources:
                  - kind: services
                    path: services.csv
                  - kind: deployments
                    path: deployments.csv
                reports: [scorecard]
                """);
    }

    private int run(Path job, String output) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), TestDatabase.commandLine("run",
                job.toString(), "--period", "2026-10", "--output", dir.resolve(output).toString()));
    }

    /** The ledger without its ids and times: files, versions, runs and their results. */
}
