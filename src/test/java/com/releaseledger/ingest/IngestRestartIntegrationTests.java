package com.releaseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import com.releaseledger.kernel.BadInputException;
import com.releaseledger.support.LedgerIntegrationTest;

/**
 * A load interrupted mid-file, run again, ends with exactly the ledger an uninterrupted load gives
 * (DESIGN.md 2.5): no row lost, none doubled, counts reconciled, and nothing visible before the file is whole.
 */
@Import(IngestRestartIntegrationTests.FailOnce.class)
class IngestRestartIntegrationTests extends LedgerIntegrationTest {

    private static final int ROWS = 35_000; // four chunks of 10,000

    @TempDir
    Path dir;

    @Autowired
    IngestService ingest;

    @Autowired
    FailOnce failOnce;

    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        // A fixture with something of everything: versions within the file, duplicates, rejected rows.
        file = dir.resolve("deployments.csv");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("deployment_id,service,environment,status,started_at,finished_at\n");
            for (int i = 1; i <= ROWS; i++) {
                String id = "dep-" + (i % 30_000); // ids 1..4999 and 0 appear twice
                String status = i % 997 == 0 ? "bogus" : (i > 30_000 && i % 2 == 0 ? "failed" : "succeeded");
                out.write(id + ",svc-" + (i % 40) + ",production," + status
                        + ",2026-10-01T10:00:00Z,2026-10-01T10:05:00Z\n");
            }
        }
        failOnce.armed.set(false);
        failOnce.grow.set(null);
        failOnce.pauseMillis.set(0);
    }

    @Test
    void anInterruptedLoadRunAgainEndsExactlyAsAnUninterruptedOne() {
        // given the ledger an uninterrupted load gives
        FileReport uninterrupted = ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file));
        List<Map<String, Object>> expected = ledger();
        emptyLedger();

        // when the load fails after its second chunk is written
        failOnce.armed.set(true);
        assertThatThrownBy(() -> ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file)))
                .isInstanceOf(IngestFailedException.class)
                .hasMessageContaining("run it again to resume");

        // then nothing of it is visible, though two chunks are stored
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deployments", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM source_file", String.class)).isEqualTo("loading");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deployment_version", Long.class)).isPositive();

        // and when it runs again it resumes and ends exactly as the uninterrupted load
        FileReport resumed = ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file));
        assertThat(ledger()).isEqualTo(expected);
        assertThat(counts(resumed)).isEqualTo(counts(uninterrupted));
        // worked by hand: 35 rows are bogus (multiples of 997); of the 5,000 repeated ids, the 2,500 odd second
        // rows are "succeeded" like their first: less 3 that are bogus and 3 whose first was bogus, 2,494 duplicates;
        // loaded = 35,000 - 35 - 2,494
        assertThat(counts(resumed)).containsExactly((long) ROWS, 32_471L, 35L, 2_494L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_file", Long.class)).isEqualTo(1);
    }

    @Test
    void aLoadWhoseProcessDiedIsRecoveredAndResumed() {
        // given a load that failed, then made to look as if its process was killed mid-run (still STARTED)
        FileReport uninterrupted = ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file));
        List<Map<String, Object>> expected = ledger();
        emptyLedger();
        failOnce.armed.set(true);
        assertThatThrownBy(() -> ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file)))
                .isInstanceOf(IngestFailedException.class);
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL");
        jdbc.update("UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL");

        // when the same file is ingested again
        FileReport resumed = ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file));

        // then it ends as the uninterrupted load
        assertThat(ledger()).isEqualTo(expected);
        assertThat(counts(resumed)).isEqualTo(counts(uninterrupted));
    }

    @Autowired
    org.springframework.batch.core.repository.JobRepository jobRepository;

    /**
     * The windows of a start a kill can leave half made: the file registered but its job not created; the job
     * instance created but no execution (this wedged every later run: "Cannot find any job execution"); an
     * execution created but no step started. Each time the next ingest of the file ends as an uninterrupted one.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "killed after {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"the file's registration", "the job instance",
            "the job execution"})
    void aLoadKilledWhileItStartedIsStartedAgain(String window) {
        FileReport uninterrupted = ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file));
        List<Map<String, Object>> expected = ledger();
        emptyLedger();

        // what the killed engine had recorded when it died
        long fileId = jdbc.queryForObject("""
                INSERT INTO source_file (kind, format, path, sha256, size_bytes, source_zone, status)
                VALUES ('deployments', 'csv', ?, ?, ?, 'UTC', 'loading') RETURNING file_id""", Long.class,
                file.toString(), com.releaseledger.kernel.Sha256.of(file), file.toFile().length());
        org.springframework.batch.core.job.parameters.JobParameters parameters =
                new org.springframework.batch.core.job.parameters.JobParametersBuilder().addLong("file.id", fileId)
                        .toJobParameters();
        if (!window.equals("the file's registration")) {
            org.springframework.batch.core.job.JobInstance instance = jobRepository.createJobInstance(
                    IngestJobConfiguration.JOB_NAME, parameters);
            if (window.equals("the job execution")) {
                jobRepository.createJobExecution(instance, parameters,
                        new org.springframework.batch.infrastructure.item.ExecutionContext());
            }
        }

        FileReport resumed = ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file));

        assertThat(ledger()).isEqualTo(expected);
        assertThat(counts(resumed)).isEqualTo(counts(uninterrupted));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_file", Long.class)).isEqualTo(1);
    }

    /**
     * Two engines ingesting the same file at once (two jobs that share a source): the second waits for the first,
     * then registers the file as skipped, a duplicate of the first's load, instead of failing.
     */
    @Test
    void aSecondIngestOfAFileBeingLoadedWaitsAndThenSkipsIt() throws Exception {
        failOnce.pauseMillis.set(300);
        java.util.concurrent.CompletableFuture<FileReport> first = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file)));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && jdbc.queryForObject(
                "SELECT count(*) FROM source_file WHERE status = 'loading' AND rows_read > 0", Long.class) == 0) {
            Thread.sleep(20);
        }

        FileReport second = ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file));

        FileReport loaded = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(loaded.outcome()).isEqualTo(FileReport.Outcome.LOADED);
        assertThat(second.outcome()).isEqualTo(FileReport.Outcome.SKIPPED);
        assertThat(second.duplicateOf()).isEqualTo(loaded.fileId());
        assertThat(jdbc.queryForList("SELECT status FROM source_file ORDER BY file_id", String.class))
                .containsExactly("loaded", "skipped");
    }

    /** A file that grows while it is loaded (an exporter still writing it) is refused whole, never half kept. */
    @Test
    void aFileThatChangesWhileItIsLoadedIsRefusedWhole() {
        long size = file.toFile().length();
        failOnce.grow.set(file);

        FileReport report = ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file));

        assertThat(report.outcome()).isEqualTo(FileReport.Outcome.REFUSED);
        assertThat(report.error()).isEqualTo(String.format("the file changed while it was loaded (%,d bytes when it was"
                + " registered, %,d now): nothing of it is kept; ingest it again once it is complete", size,
                file.toFile().length()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deployment_version", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rejected_row", Long.class)).isZero();

        // complete now, it is ingested as a file of its own (its bytes have another SHA-256)
        assertThat(ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file)).outcome())
                .isEqualTo(FileReport.Outcome.LOADED);
    }

    @Test
    void refusesToResumeAnInterruptedLoadAsAnotherKindOrZone() {
        failOnce.armed.set(true);
        assertThatThrownBy(() -> ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, file)))
                .isInstanceOf(IngestFailedException.class);

        assertThatThrownBy(() -> ingest.ingest(new IngestRequest(Kind.DEPLOYMENTS, file, SourceFormat.CSV,
                ZoneId.of("Europe/London"), null)))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + " is partly loaded as deployments, csv, UTC (kind, format, zone); "
                        + "ingest it the same way to resume it");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deployments", Long.class)).isZero();
    }

    @Test
    void sigtermStopsALoadCleanlyAndTheNextRunResumesIt() throws Exception {
        // given a file large enough that the load takes a while, ingested by a separate process
        Path large = dir.resolve("large.csv");
        try (Writer out = Files.newBufferedWriter(large)) {
            out.write("deployment_id,service,environment,status,started_at,finished_at\n");
            for (int i = 1; i <= 400_000; i++) {
                out.write("dep-" + i + ",svc-" + (i % 40) + ",production,succeeded,2026-10-01T10:00:00Z,"
                        + "2026-10-01T10:05:00Z\n");
            }
        }
        com.releaseledger.support.TestDatabase.Connection db = com.releaseledger.support.TestDatabase.get();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.releaseledger.cli.ReleaseLedger", "ingest",
                "--kind", "deployments", "--db-url", db.url(), "--db-user", db.user(), "--db-password",
                db.password(), large.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("process.log").toFile()).start();

        // SIGTERM arrives while the file is loading, after some chunks are committed
        sigtermAfterCommittedRows(process, 20_000, dir.resolve("process.log"));

        // then the load was stopped, not left running: the file is invisible and its execution STOPPED
        assertThat(jdbc.queryForObject("SELECT status FROM source_file", String.class)).isEqualTo("loading");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deployments", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT status FROM batch_job_execution", String.class)).containsExactly("STOPPED");

        // and the next run resumes it and ends as an uninterrupted load would
        FileReport resumed = ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, large));
        assertThat(counts(resumed)).containsExactly(400_000L, 400_000L, 0L, 0L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deployments", Long.class)).isEqualTo(400_000L);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT line_no) FROM deployment_version", Long.class))
                .isEqualTo(400_000L);
    }

    private List<Map<String, Object>> ledger() {
        return jdbc.queryForList("""
                SELECT 'version' AS what, line_no, encode(row_hash, 'hex') AS detail, deployment_id AS id, status
                FROM deployment_version
                UNION ALL
                SELECT 'rejected', line_no, reason, raw_text, NULL FROM rejected_row
                UNION ALL
                SELECT 'file', rows_read, status || ' ' || rows_loaded || ' ' || rows_rejected || ' ' || rows_duplicate,
                       sha256, NULL FROM source_file
                ORDER BY 1, 2, 3""");
    }

    private static List<Long> counts(FileReport report) {
        return List.of(report.read(), report.loaded(), report.rejected(), report.duplicate());
    }

    /** Fails the load step once, after its second chunk has been written, when armed. */
    @TestConfiguration
    static class FailOnce implements ItemWriteListener<LedgerRow> {
        final AtomicBoolean armed = new AtomicBoolean();
        /** When set: at the first chunk, a row is appended to this file, as an exporter still writing it would. */
        final java.util.concurrent.atomic.AtomicReference<Path> grow = new java.util.concurrent.atomic.AtomicReference<>();

        /** When set: each chunk waits this long before it is written (a slow load, for two at once). */
        final java.util.concurrent.atomic.AtomicLong pauseMillis = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void beforeWrite(Chunk<? extends LedgerRow> items) {
            if (pauseMillis.get() > 0) {
                try {
                    Thread.sleep(pauseMillis.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Path growing = grow.getAndSet(null);
            if (growing != null) {
                try {
                    Files.writeString(growing, "dep-late,svc-1,production,succeeded,2026-10-01T10:00:00Z,"
                            + "2026-10-01T10:05:00Z\n", java.nio.file.StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            if (items.getItems().get(0).ordinal() > 2 * IngestJobConfiguration.CHUNK_SIZE && armed.getAndSet(false)) {
                throw new IllegalStateException("injected failure in the third chunk");
            }
        }
    }
}
