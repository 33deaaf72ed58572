package com.releaseledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The command line as a script sees it: exit codes, the summary, one-line errors. */
class CliIntegrationTests extends LedgerIntegrationTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void runIngestsAJobsSourcesAndPrintsAReconciliationThatAddsUp() throws IOException {
        writeJob();

        int exit = cli("run", dir.resolve("job.yml").toString(), "--period", "2026-10", "--output",
                dir.resolve("out").toString());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("job cli-test, period 2026-10, 2 source(s)")
                .containsPattern("services\\.csv\\s+services\\s+loaded\\s+2\\s+2\\s+0\\s+0")
                .containsPattern("deployments\\.csv\\s+deployments\\s+loaded\\s+3\\s+2\\s+1\\s+0")
                .contains("2 file(s) loaded, 0 skipped, 0 refused; 5 rows read");

        // then the period is analysed: d1 and d3 are the deployments; d1 and d3 name no change (RL01 twice)
        assertThat(out.toString())
                .containsPattern("deployments\\s+2\\n")
                .contains("findings: 2 (RL01 2); pending: 0")
                .contains("wrote " + dir.resolve("out/cli-test/2026-10/metrics.csv"));
        assertThat(Files.readString(dir.resolve("out/cli-test/2026-10/findings.csv")).lines())
                .containsExactly("rule_id,severity,service,team,deployment_id,change_id,incident_id,occurred_at,detail",
                        "RL01,high,svc-a,team-1,d1,,,2026-10-01T10:00:00Z,deployment d1 has no known change (none)",
                        "RL01,high,svc-b,team-1,d3,,,2026-10-02T10:00:00Z,deployment d3 has no known change (none)");

        // the same run again: the period completed, so it is not run again, and that is a success
        assertThat(cli("run", dir.resolve("job.yml").toString(), "--period", "2026-10", "--output",
                dir.resolve("out").toString())).isZero();
        assertThat(out.toString()).startsWith("job cli-test, period 2026-10 already completed (")
                .contains("--rerun produces a new version");

        // asked to, it runs again: both files skipped as already ingested, a second version beside the first
        assertThat(cli("run", dir.resolve("job.yml").toString(), "--period", "2026-10", "--output",
                dir.resolve("out").toString(), "--rerun")).isZero();
        assertThat(out.toString()).contains("0 file(s) loaded, 2 skipped, 0 refused")
                .contains("(version 2, supersedes " + dir.resolve("out/cli-test/2026-10") + ")");
        assertThat(dir.resolve("out/cli-test/2026-10/findings.csv")).exists();

        // and runs lists both
        assertThat(cli("runs", "--job", "cli-test")).isZero();
        assertThat(out.toString()).contains("2 run(s)").contains(dir.resolve("out/cli-test/2026-10/v2") + " (v2)");
    }

    @Test
    void twoEnginesStartedTogetherRunTheJobOnce() throws Exception {
        writeJob();
        String[] args = withDatabase("run", dir.resolve("job.yml").toString(), "--period", "2026-10", "--output",
                dir.resolve("out").toString());
        StringWriter first = new StringWriter();
        StringWriter second = new StringWriter();
        java.util.concurrent.ExecutorService engines = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Integer> a = engines.submit(() ->
                    Cli.execute(new PrintWriter(first, true), new PrintWriter(first, true), args));
            // the second engine starts while the first is inside the job (holding its lock). Both engines share
            // this test's JVM, and two Spring Boot start-ups at the same instant in one JVM race on its global
            // logging set-up, which two real processes never share
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!first.toString().contains("source(s)") && System.nanoTime() < deadline && !a.isDone()) {
                Thread.sleep(20);
            }
            java.util.concurrent.Future<Integer> b = engines.submit(() ->
                    Cli.execute(new PrintWriter(second, true), new PrintWriter(second, true), args));
            assertThat(a.get()).as(first.toString()).isZero();
            assertThat(b.get()).as(second.toString()).isZero();
        } finally {
            engines.shutdown();
        }

        // the first ran the period; the second waited for the job's lock and then found it completed
        assertThat(first.toString()).doesNotContain("already completed").contains("wrote ");
        assertThat(second.toString()).contains("already completed");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_manifest WHERE job = 'cli-test'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis_run WHERE job = 'cli-test' AND trend_of IS NULL",
                Long.class)).isEqualTo(1);
    }

    @Test
    void serveCatchesUpMissedPeriodsOldestFirstAndNeverRunsOneTwice() throws IOException {
        writeJob();
        Path job = Files.writeString(dir.resolve("monthly.yml"), """
                job: monthly
                sources:
                  - kind: services
                    path: services.csv
                  - kind: deployments
                    path: deployments.csv
                schedule:
                  cron: "0 6 2 * *"
                  zone: UTC
                  period: previous-month
                  catch_up_from: 2026-08
                reports: [scorecard]
                output: out
                """);

        // given a clock on 5 November: the firings of 2 September, 2 October and 2 November were missed
        int exit = cli("serve", job.toString(), "--now", "2026-11-05T00:00:00Z");

        assertThat(exit).isZero();
        assertThat(out.toString().lines().filter(line -> line.contains("running job monthly")))
                .containsExactly("2026-11-05T00:00:00Z: running job monthly for 2026-08",
                        "2026-11-05T00:00:00Z: running job monthly for 2026-09",
                        "2026-11-05T00:00:00Z: running job monthly for 2026-10");
        assertThat(jdbc.queryForList("SELECT period FROM report_manifest WHERE job = 'monthly' ORDER BY manifest_id",
                String.class)).containsExactly("2026-08", "2026-09", "2026-10");
        assertThat(dir.resolve("out/monthly/2026-10/scorecard.pdf")).exists();
        assertThat(dir.resolve("out/monthly/2026-10/audit-pack.pdf")).doesNotExist();

        // started again the same day: nothing is due
        assertThat(cli("serve", job.toString(), "--now", "2026-11-05T00:00:01Z")).isZero();
        assertThat(out.toString()).doesNotContain("running job");

        // at the next firing, the month it reports
        assertThat(cli("serve", job.toString(), "--now", "2026-12-02T06:00:00Z")).isZero();
        assertThat(out.toString()).contains("2026-12-02T06:00:00Z: running job monthly for 2026-11");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report_manifest WHERE job = 'monthly'", Long.class))
                .isEqualTo(4);
    }

    @Test
    void failOnFindingsExitsThreeWhenTheRunFindsThatSeverity() throws IOException {
        writeJob();

        // the fixture's two deployments without a change are RL01 findings, severity high
        int exit = cli("run", dir.resolve("job.yml").toString(), "--period", "2026-10", "--output",
                dir.resolve("out").toString(), "--fail-on-findings", "high");

        assertThat(exit).isEqualTo(3);
        assertThat(out.toString()).contains("2 finding(s) of severity high or higher: exit 3 (--fail-on-findings)");
        assertThat(cli("analyze", "--period", "2026-09", "--output", dir.resolve("sept").toString(),
                "--fail-on-findings", "medium")).isZero(); // nothing deployed in September: no findings
        assertThat(cli("analyze", "--period", "2026-10", "--output", dir.resolve("bad").toString(),
                "--fail-on-findings", "low")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--fail-on-findings': \"low\" is not one of "
                + "[high, medium]");
    }

    @Test
    void analyzeTwiceOverTheSameLedgerWritesByteIdenticalFiles() throws IOException {
        writeJob();
        assertThat(cli("ingest", "--kind", "services", dir.resolve("services.csv").toString())).isZero();
        assertThat(cli("ingest", "--kind", "deployments", dir.resolve("deployments.csv").toString())).isZero();

        assertThat(cli("analyze", "--period", "2026-10", "--zone", "Europe/London", "--output",
                dir.resolve("a").toString())).isZero();
        assertThat(cli("analyze", "--period", "2026-10", "--zone", "Europe/London", "--output",
                dir.resolve("b").toString())).isZero();

        for (String file : new String[] {"metrics.csv", "findings.csv", "pending.csv"}) {
            assertThat(Files.mismatch(dir.resolve("a/ledger/2026-10").resolve(file),
                    dir.resolve("b/ledger/2026-10").resolve(file))).as(file).isEqualTo(-1L);
        }
    }

    @Test
    void runDoesNotAnalyseWhenASourceFileIsRefused() throws IOException {
        writeJob();
        Files.writeString(dir.resolve("deployments.csv"), "deployment_id,service\nd1,svc-a\n");

        int exit = cli("run", dir.resolve("job.yml").toString(), "--period", "2026-10", "--output",
                dir.resolve("out").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("1 source file(s) refused: the population is incomplete");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void ingestExitsTwoWhenAFileIsRefusedAndSaysWhereAndWhy() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.csv"), "deployment_id,service\nd1,svc\n");

        int exit = cli("ingest", "--kind", "deployments", broken.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("refused " + broken + ": line 1: the header lacks required columns "
                + "environment, status, started_at;");
    }

    @Test
    void aWrongJobFileExitsTwoWithTheFileLineAndKey() throws IOException {
        Path job = Files.writeString(dir.resolve("bad.yml"), "job: x\nsources:\n  - kind: deployments\n    pth: a.csv\n");

        int exit = cli("run", job.toString(), "--period", "2026-10");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("release-ledger: " + job
                + " line 4: key \"pth\" in a source is not one of [constants, format, kind, path, profile, zone]");
    }

    @Test
    void aSourceThatNamesNoFileExitsTwo() throws IOException {
        Path job = Files.writeString(dir.resolve("missing.yml"),
                "job: x\nsources:\n  - kind: deployments\n    path: nowhere/*.csv\n");

        assertThat(cli("run", job.toString(), "--period", "2026-10")).isEqualTo(2);
        assertThat(err.toString()).contains("source deployments \"nowhere/*.csv\" names no file");
    }

    /** A password written into --db-url works, and is never printed (the run's first line names the ledger). */
    @Test
    void aPasswordInTheDatabaseUrlIsNeverPrinted() throws IOException {
        writeJob();
        TestDatabase.Connection db = TestDatabase.get();
        String password = db.password() == null || db.password().isEmpty() ? "s3cret-x" : db.password();
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "password=" + password;

        int exit = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "run",
                dir.resolve("job.yml").toString(), "--period", "2026-10", "--output", dir.resolve("out").toString(),
                "--db-url", url, "--db-user", db.user(), "--verbose");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("password=***").doesNotContain("password=" + password);
        assertThat(err.toString()).doesNotContain("password=" + password);
    }

    /** As a script sees it, in its own process: a refused file is a few lines of words, never a stack trace. */
    @Test
    void aRefusedFileIsReportedInWordsWithoutAStackTrace() throws Exception {
        Files.writeString(dir.resolve("deployments.csv"), "deployment_id,service\nd1,svc\n");
        Path job = Files.writeString(dir.resolve("refused.yml"),
                "job: refused\nsources:\n  - kind: deployments\n    path: deployments.csv\n");
        Process process = startEngine(dir.resolve("refused.log"), "run", job.toString(), "--period", "2026-10",
                "--output", dir.resolve("out").toString());

        assertThat(process.waitFor()).isEqualTo(2);
        String printed = Files.readString(dir.resolve("refused.log"));
        assertThat(printed).contains("refused " + dir.resolve("deployments.csv") + ": line 1: the header lacks"
                + " required columns environment, status, started_at",
                "release-ledger: 1 source file(s) refused").doesNotContain("\tat ", "Exception", "ERROR");
        assertThat(printed.lines().count()).isLessThan(15);
    }

    /** The gate as a pipeline calls it: exit 3 to block, 0 to allow, 2 for bad input; JSON to archive. */
    @Test
    void theGateExitsThreeToBlockZeroToAllowAndTwoForBadInput() throws IOException {
        writeJob();
        String job = dir.resolve("job.yml").toString();

        // no change: RL01 (high) fails, so the deployment is blocked
        assertThat(cli("gate", job, "--service", "svc-a", "--environment", "production", "--at",
                "2026-10-20T10:00:00Z", "--deployed-by", "bot", "--json")).isEqualTo(3);
        assertThat(out.toString()).contains("\"decision\" : \"block\"", "\"rule_id\" : \"RL01\"",
                "\"result\" : \"fail\"", "\"decision_id\" : ");
        out.getBuffer().setLength(0);

        assertThat(cli("gate", job, "--service", "svc-a", "--environment", "staging", "--at",
                "2026-10-20T10:00:00Z")).isZero();
        assertThat(out.toString()).contains("staging is not a production environment: allowed, no control judged",
                "ALLOW");
        out.getBuffer().setLength(0);

        // overridden by a release manager: allowed, and said so
        assertThat(cli("gate", job, "--service", "svc-a", "--environment", "production", "--at",
                "2026-10-20T10:00:00Z", "--deployed-by", "bot", "--override-by", "Rita", "--override-reason",
                "hotfix for INC-1")).isZero();
        assertThat(out.toString()).contains("RL01", "fail", "(a block overridden by Rita: hotfix for INC-1)");

        assertThat(cli("gate", job, "--service", "svc-a", "--environment", "production", "--at", "tomorrow"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--at \"tomorrow\" is not an ISO-8601 date-time");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM gate_decision", Long.class)).isEqualTo(3);
    }

    @Test
    void verifyOfAFolderThatDoesNotExistSaysSoAndExitsTwo() {
        Path nowhere = dir.resolve("out/job/2026-10");

        assertThat(cli("verify", nowhere.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("release-ledger: folder " + nowhere + " does not exist");
    }

    @Test
    void aRerunWithAReasonSaysOnItsCoverWhatItSupersedesAndWhy() throws IOException {
        writeJob();
        Path output = dir.resolve("out");
        assertThat(cli("run", dir.resolve("job.yml").toString(), "--period", "2026-10", "--output",
                output.toString())).isZero();

        assertThat(cli("run", dir.resolve("job.yml").toString(), "--period", "2026-10", "--output",
                output.toString(), "--rerun", "--reason", "late approvals loaded")).isZero();

        Path second = output.resolve("cli-test/2026-10/v2");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                second.resolve("audit-pack.pdf").toFile())) {
            String cover = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(cover).contains("run 2 of job cli-test",
                    "version 2, supersedes cli-test/2026-10, reason: late approvals loaded");
        }
        assertThat(Files.readString(second.resolve("manifest.json")))
                .contains("\"reason\" : \"late approvals loaded\"", "\"supersedes\" : \"2026-10\"");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(cli("analyze", "--period", "October")).isEqualTo(2);
        assertThat(err.toString()).contains("period \"October\" is not a month (2026-10)");
        assertThat(cli("ingest", "--kind", "tickets", "x.csv")).isEqualTo(2);
        assertThat(cli("frobnicate")).isEqualTo(2);
    }

    @Test
    void aWrongZoneOrKindOrFormatIsBadUsageNamingTheOption() {
        assertThat(cli("analyze", "--period", "2026-10", "--zone", "Mars/Olympus")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--zone': \"Mars/Olympus\" is not a time zone");
        assertThat(cli("ingest", "--kind", "services", "--zone", "GMT+25", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--zone': \"GMT+25\" is not a time zone");
        assertThat(cli("ingest", "--kind", "tickets", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--kind': kind \"tickets\" is not one of");
        assertThat(cli("ingest", "--kind", "services", "--format", "xml", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--format': format \"xml\" is not one of");
        assertThat(cli("run", "job.yml", "--period", "2026-13")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--period': period \"2026-13\"");
        assertThat(cli("analyze", "--period", "2026-10", "--as-of", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--as-of \"yesterday\" is not an ISO-8601 date-time");
    }

    @Test
    void aFailureThatIsNotTheUsersInputExitsOne() throws IOException {
        Path services = Files.writeString(dir.resolve("services.csv"), "service,team\nsvc-a,team-1\n");

        // nothing listens on port 1: the ledger cannot be opened
        int exit = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "ingest", "--kind", "services",
                services.toString(), "--db-url", "jdbc:postgresql://127.0.0.1:1/none");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("release-ledger: ").contains("(--verbose shows details)");
    }

    @Test
    void helpExitsZero() {
        assertThat(cli("--help")).isZero();
        assertThat(out.toString()).contains("ingest", "run", "generate", "Exit codes:");
        assertThat(cli("ingest", "--help")).isZero();
    }

    private void writeJob() throws IOException {
        Files.writeString(dir.resolve("services.csv"), "service,team\nsvc-a,team-1\nsvc-b,team-1\n");
        Files.writeString(dir.resolve("deployments.csv"), """
                deployment_id,service,environment,status,started_at,finished_at
                d1,svc-a,production,succeeded,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z
                d2,svc-b,production,nonsense,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z
                d3,svc-b,production,failed,2026-10-02T10:00:00Z,2026-10-02T10:05:00Z
                """);
        Files.writeString(dir.resolve("job.yml"), """
                job: cli-test
                sources:
                  - kind: services
                    path: services.csv
                  - kind: deployments
                    path: deployments.csv
                """);
    }

    private int cli(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), withDatabase(args));
    }

    /** The arguments, with the test database's options for the commands that open the ledger. */
    private static String[] withDatabase(String... args) {
        TestDatabase.Connection db = TestDatabase.get();
        List<String> all = new ArrayList<>(List.of(args));
        if (all.size() > 0 && List.of("run", "ingest", "analyze", "runs", "serve", "jobs", "gate").contains(all.get(0))
                && !all.contains("--help")) {
            all.addAll(List.of("--db-url", db.url(), "--db-user", db.user(), "--db-password", db.password()));
        }
        return all.toArray(String[]::new);
    }
}
