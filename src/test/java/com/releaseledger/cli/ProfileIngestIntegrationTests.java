package com.releaseledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.releaseledger.kernel.Sha256;
import com.releaseledger.support.LedgerIntegrationTest;
import com.releaseledger.support.TestDatabase;

/**
 * Tools' exports ingested through their profiles (DESIGN.md 2.6) from the command line and from a job file: every
 * ingest rule of 2.5 holds (reconciliation, rejected rows with their reason, versions), and the registry, the
 * reconciliation and the manifest name each file's profile with the SHA-256 of its text.
 */
class ProfileIngestIntegrationTests extends LedgerIntegrationTest {

    private static final Path SAMPLES = Path.of("src/test/resources/profiles");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void ingestThroughAProfileRegistersItAndKeepsTheRejectedRowsReason() throws IOException {
        Path sample = SAMPLES.resolve("servicenow-change.csv");

        int exit = cli("ingest", "--profile", "servicenow-change", "--zone", "Europe/Berlin", sample.toString());

        assertThat(exit).as(err.toString()).isZero();
        // six records (one spans two lines): five loaded, CHG0031006 rejected for its risk
        assertThat(out.toString()).containsPattern("servicenow-change\\.csv\\s+changes\\s+loaded\\s+6\\s+5\\s+1\\s+0")
                .contains("read through profile servicenow-change(jobs/profiles/servicenow-change.yml), SHA-256 "
                        + Sha256.of(Path.of("jobs/profiles/servicenow-change.yml")));
        Map<String, Object> file = jdbc.queryForMap("SELECT kind, format, source_zone, profile, profile_sha256"
                + " FROM source_file");
        assertThat(file).containsEntry("kind", "changes").containsEntry("format", "csv")
                .containsEntry("source_zone", "Europe/Berlin")
                .containsEntry("profile", "servicenow-change(jobs/profiles/servicenow-change.yml)")
                .containsEntry("profile_sha256", Sha256.of(Path.of("jobs/profiles/servicenow-change.yml")));
        assertThat(jdbc.queryForObject("SELECT line_no || ': ' || reason FROM rejected_row", String.class))
                .startsWith("8: risk \"-- None --\" (column risk / Risk) is not in the map of profile servicenow-change");
        assertThat(jdbc.queryForObject("SELECT status FROM changes WHERE change_id = 'CHG0031003'", String.class))
                .isEqualTo("rejected");
    }

    @Test
    void labelHeadersGiveTheSameRecordsAsFieldNameHeaders() throws IOException {
        // the same export with the instance's label headers: every record equals the one already loaded
        List<String> lines = Files.readAllLines(SAMPLES.resolve("servicenow-change.csv"));
        String labels = lines.get(0).replace("number,", "Number,").replace("short_description", "Short description")
                .replace("type,", "Type,").replace("state,", "State,").replace("approval,", "Approval,")
                .replace("risk,", "Risk,").replace("category", "Category").replace("business_service", "Service")
                .replace("cmdb_ci", "Configuration item").replace("requested_by", "Requested by")
                .replace("assigned_to", "Assigned to").replace("opened_at", "Opened")
                .replace("sys_created_on", "Created").replace("start_date", "Planned start date")
                .replace("end_date", "Planned end date").replace("close_code", "Close code")
                .replace("closed_at", "Closed");
        Path labelled = dir.resolve("labels.csv");
        Files.writeString(labelled, labels + "\n" + String.join("\n", lines.subList(1, lines.size())) + "\n");

        assertThat(cli("ingest", "--profile", "servicenow-change", "--zone", "Europe/Berlin",
                SAMPLES.resolve("servicenow-change.csv").toString(), labelled.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).containsPattern("labels\\.csv\\s+changes\\s+loaded\\s+6\\s+0\\s+1\\s+5");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM change_version", Long.class)).isEqualTo(5);
    }

    @Test
    void aJobSourceNamesItsProfileZoneAndConstantsAndTheManifestNamesTheProfile() throws IOException {
        Files.copy(SAMPLES.resolve("github-deployment.jsonl"), dir.resolve("deployments.jsonl"));
        Files.writeString(dir.resolve("services.csv"), "service,team\nPayments,team-pay\nLedger,team-ledger\n");
        Path job = Files.writeString(dir.resolve("job.yml"), """
                job: tools
                sources:
                  - kind: services
                    path: services.csv
                  - profile: github-deployment
                    path: deployments.jsonl
                    constants: {service: Ledger}
                reports: [scorecard]
                """);

        int exit = cli("run", job.toString(), "--period", "2026-10", "--output", dir.resolve("out").toString());

        assertThat(exit).as(err.toString()).isZero();
        // 90003 has no payload.service: the constant; 90006 is in progress
        assertThat(jdbc.queryForList("SELECT deployment_id || ' ' || service || ' ' || status FROM deployments"
                + " ORDER BY deployment_id", String.class)).containsExactly("90001 Payments succeeded",
                "90002 Edge Gateway failed", "90003 Ledger succeeded", "90004 Payments rolled_back",
                "90005 Payments succeeded", "90006 Ledger in_progress");
        String manifest = Files.readString(dir.resolve("out/tools/2026-10/manifest.json"));
        assertThat(manifest).contains("\"profile\" : \"github-deployment(jobs/profiles/github-deployment.yml)\"",
                "\"constants\" : \"{\\\"service\\\":\\\"Ledger\\\"}\"");
    }

    @Test
    void aKindThatContradictsTheProfileAndAWrongProfileAreBadInput() throws IOException {
        Path sample = SAMPLES.resolve("servicenow-change.csv");
        assertThat(cli("ingest", "--kind", "deployments", "--profile", "servicenow-change", sample.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--kind deployments contradicts profile servicenow-change, which reads"
                + " changes");
        Path wrong = Files.writeString(dir.resolve("wrong.yml"), "profile: w\nkind: changes\nformat: csv\nfields:\n"
                + "  change_id: {column: [number]}\n  colour: {column: [c]}\n");
        assertThat(cli("ingest", "--profile", wrong.toString(), sample.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 6: \"colour\" is not a field of changes");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_file", Long.class)).isZero();
    }

    @Test
    void severalRecordsOfOneLineAreEachVersionedByTheirOwnId() throws IOException {
        Path sample = SAMPLES.resolve("jsm-approval.jsonl");

        assertThat(cli("ingest", "--profile", "jsm-approval", sample.toString())).as(err.toString()).isZero();

        // nine approvers on five lines, each record on the line of its request
        assertThat(out.toString()).containsPattern("jsm-approval\\.jsonl\\s+approvals\\s+loaded\\s+9\\s+9\\s+0\\s+0");
        assertThat(jdbc.queryForList("SELECT line_no || ' ' || approval_id FROM approval_version ORDER BY line_no,"
                + " approval_id", String.class)).startsWith("1 ITCM-101/11/5b10a2844c20165700ede21g",
                "1 ITCM-101/11/Rosa Diaz", "1 ITCM-101/7/5b10ac8d82e05b22cc7d4ef6").hasSize(9);

        // the export again with one approver's decision changed on the first line: only that record is a new
        // version; its neighbours on the line are unchanged versions of their own ids
        Path resent = dir.resolve("resent.jsonl");
        Files.writeString(resent, Files.readString(sample).replaceFirst(
                "\\{\"displayName\":\"Rosa Diaz\"},\"approverDecision\":\"approved\"",
                "{\"displayName\":\"Rosa Diaz\"},\"approverDecision\":\"declined\""));
        assertThat(Files.mismatch(sample, resent)).isNotEqualTo(-1L);
        assertThat(cli("ingest", "--profile", "jsm-approval", resent.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).containsPattern("resent\\.jsonl\\s+approvals\\s+loaded\\s+9\\s+1\\s+0\\s+8");
        assertThat(jdbc.queryForObject("SELECT decision FROM approvals WHERE approval_id = 'ITCM-101/11/Rosa Diaz'",
                String.class)).isEqualTo("rejected");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM approvals", Long.class)).isEqualTo(9);
    }

    /**
     * A PagerDuty dump of 200,000 incidents in one JSON document (about 90 MB) goes in through a profile in an engine
     * with a 64 MB heap: the records are streamed one at a time, never the document whole.
     */
    @Test
    void a200000RecordJsonDocumentIsIngestedInBoundedMemory() throws Exception {
        Path dump = dir.resolve("incidents.json");
        try (java.io.Writer out = Files.newBufferedWriter(dump)) {
            out.write("{\"limit\": 200000, \"incidents\": [\n");
            for (int i = 1; i <= 200_000; i++) {
                out.write((i > 1 ? ",\n" : "") + "{\"id\": \"Q" + i + "\", \"title\": \"Payments 5xx > 5% on node "
                        + i + " of the primary cluster, see the runbook\", \"urgency\": \"high\", \"priority\":"
                        + " {\"summary\": \"P" + (1 + i % 4) + "\", \"html_url\": \"https://acme.pagerduty.com/p/"
                        + i + "\"}, \"service\": {\"summary\": \"Payments\", \"id\": \"PSVC001\"},"
                        + " \"created_at\": \"2026-10-03T13:02:10Z\", \"resolved_at\": \"2026-10-03T14:10:00Z\","
                        + " \"acknowledgements\": [{\"at\": \"2026-10-03T13:06:40Z\"}], \"assignments\": []}");
            }
            out.write("\n], \"more\": false}\n");
        }
        assertThat(Files.size(dump)).isGreaterThan(80_000_000L);
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "com.releaseledger.cli.ReleaseLedger"));
        command.addAll(List.of(TestDatabase.commandLine("ingest", "--profile", "pagerduty-incident", dump.toString())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("ingest.log").toFile()).start();

        assertThat(process.waitFor()).as(Files.readString(dir.resolve("ingest.log"))).isZero();
        assertThat(Files.readString(dir.resolve("ingest.log")))
                .containsPattern("incidents\\.json\\s+incidents\\s+loaded\\s+200,000\\s+200,000\\s+0\\s+0");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM incidents WHERE severity BETWEEN 1 AND 4", Long.class))
                .isEqualTo(200_000);
    }

    private int cli(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), TestDatabase.commandLine(args));
    }
}
