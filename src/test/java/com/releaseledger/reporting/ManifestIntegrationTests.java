package com.releaseledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.AnalysisService;
import com.releaseledger.analysis.Policy;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.ingest.IngestRequest;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.ingest.Kind;
import com.releaseledger.kernel.Sha256;
import com.releaseledger.support.LedgerIntegrationTest;

import tools.jackson.databind.JsonNode;

/** Output folders, their manifests and hash chain (DESIGN.md section 7), and verify. */
class ManifestIntegrationTests extends LedgerIntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    IngestService ingest;

    @Autowired
    AnalysisService analysis;

    @Autowired
    ReportService reports;

    @Autowired
    Verifier verifier;

    private Path output;

    @BeforeEach
    void ledger() throws IOException {
        output = dir.resolve("out");
        Path services = Files.writeString(dir.resolve("services.csv"), "service,team\nsvc,team-1\n");
        Path deployments = Files.writeString(dir.resolve("deployments.csv"), """
                deployment_id,service,environment,status,started_at,finished_at
                d1,svc,production,succeeded,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z
                d2,svc,production,failed,2026-09-01T10:00:00Z,2026-09-01T10:05:00Z
                """);
        ingest.ingest(IngestRequest.of(Kind.SERVICES, services));
        ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, deployments));
    }

    private PublishedRun publish(String period) {
        AnalysisRequest request = new AnalysisRequest("audit", ReportingPeriod.parse(period, ZoneId.of("UTC")), null,
                Policy.defaults());
        return reports.publish(analysis.analyze(request).runId(), request, output);
    }

    @Test
    void theManifestNamesTheRunItsInputsItsSqlAndItsOutputsWithTheirHashes() throws IOException {
        PublishedRun run = publish("2026-10");

        JsonNode manifest = ReportService.JSON.readTree(Files.readAllBytes(run.folder().resolve("manifest.json")));
        assertThat(manifest.path("job").asString()).isEqualTo("audit");
        assertThat(manifest.path("period").path("start").asString()).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(manifest.path("as_of").asString()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(manifest.path("policy").path("pir_days").asInt()).isEqualTo(5);
        assertThat(manifest.path("inputs")).hasSize(2);
        assertThat(manifest.path("inputs").get(1).path("sha256").asString())
                .isEqualTo(Sha256.of(dir.resolve("deployments.csv")));
        assertThat(manifest.path("inputs").get(1).path("rows_read").asLong()).isEqualTo(2);
        assertThat(manifest.path("sql_files")).anySatisfy(file -> {
            assertThat(file.path("name").asString()).isEqualTo("sql/findings/RL07.sql");
            assertThat(file.path("sha256").asString()).hasSize(64);
        });
        // every query a document ran: the PDF's master, sections and charts, and the workbook's sheets
        assertThat(manifest.path("sql_files")).extracting(file -> file.path("name").asString())
                .contains("sql/reports/pdf_cover.sql", "sql/reports/pdf_audit_inputs.sql",
                        "sql/reports/pdf_scorecard_trend.sql", "sql/reports/pdf_budget_burndown.sql",
                        "sql/reports/audit_deployments.sql", "sql/reports/audit_sql_files.sql")
                .doesNotHaveDuplicates().isSorted();
        assertThat(manifest.path("sql_files")).anySatisfy(file -> {
            assertThat(file.path("name").asString()).isEqualTo("sql/reports/pdf_scorecard_teams.sql");
            assertThat(file.path("sha256").asString())
                    .isEqualTo(Sha256.of(Path.of("sql/reports/pdf_scorecard_teams.sql")));
        });
        assertThat(manifest.path("outputs")).extracting(file -> file.path("file").asString())
                .containsExactly("metrics.csv", "findings.csv", "pending.csv", "audit-pack.pdf", "error-budget.pdf",
                        "scorecard.pdf", "audit-pack.xlsx", "error-budget.xlsx", "scorecard.xlsx");
        assertThat(manifest.path("outputs").get(0).path("sha256").asString())
                .isEqualTo(Sha256.of(run.folder().resolve("metrics.csv")));
        assertThat(manifest.path("previous_manifest_sha256").isNull()).isTrue();
        assertThat(run.manifestSha256()).isEqualTo(Sha256.of(run.folder().resolve("manifest.json")));
    }

    /**
     * The documents are written at the same time: one that cannot be written fails the publishing with its own
     * error, the others are stopped or finish, none is left half written, and no manifest says the folder is whole.
     */
    @Test
    void aDocumentThatCannotBeWrittenFailsThePublishingWithItsOwnErrorAndNoManifest() throws IOException {
        Path folder = output.resolve("audit/2026-10");
        Files.createDirectories(folder.resolve("scorecard.xlsx.partial").resolve("in-the-way"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> publish("2026-10"))
                .hasMessageContaining("scorecard.xlsx.partial");

        assertThat(folder.resolve("manifest.json")).doesNotExist();
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".partial") && !name.equals("scorecard.xlsx.partial")).toList())
                    .isEmpty();
        }
    }

    @Test
    void aPeriodProducedAgainGoesBesideTheOldAndChainsToIt() throws IOException {
        PublishedRun first = publish("2026-10");
        byte[] firstMetrics = Files.readAllBytes(first.folder().resolve("metrics.csv"));

        PublishedRun second = publish("2026-10");
        PublishedRun third = publish("2026-10");

        assertThat(second.folder()).isEqualTo(output.resolve("audit/2026-10/v2"));
        assertThat(third.folder()).isEqualTo(output.resolve("audit/2026-10/v3"));
        assertThat(second.supersedes()).isEqualTo(first.folder());
        assertThat(Files.readAllBytes(first.folder().resolve("metrics.csv"))).isEqualTo(firstMetrics);
        JsonNode manifest = ReportService.JSON.readTree(Files.readAllBytes(third.folder().resolve("manifest.json")));
        assertThat(manifest.path("previous_manifest_sha256").asString()).isEqualTo(second.manifestSha256());
        assertThat(manifest.path("supersedes").asString()).isEqualTo("2026-10/v2");
    }

    @Test
    void verifyPassesOnAnUntouchedChain() {
        publish("2026-09");
        publish("2026-10");
        PublishedRun last = publish("2026-10");

        Verification verification = verifier.verify(last.folder());

        assertThat(verification.passed()).as(String.join("\n", verification.lines())).isTrue();
        assertThat(verification.lines()).contains("ok chain of audit: 2 earlier manifest(s) back to the first");
    }

    @Test
    void verifyFailsAndNamesAReportWithOneByteChanged() throws IOException {
        PublishedRun first = publish("2026-09");
        PublishedRun last = publish("2026-10");
        Path findings = first.folder().resolve("findings.csv");
        byte[] bytes = Files.readAllBytes(findings);
        bytes[bytes.length - 2] ^= 1;
        Files.write(findings, bytes);

        Verification ofFirst = verifier.verify(first.folder());
        Verification ofLast = verifier.verify(last.folder());

        assertThat(ofFirst.passed()).isFalse();
        assertThat(ofFirst.lines()).anySatisfy(line -> assertThat(line).startsWith("FAILED " + findings + ": SHA-256"));
        // the later run's chain reaches the altered folder and fails too
        assertThat(ofLast.passed()).isFalse();
        assertThat(ofLast.lines()).anySatisfy(line -> assertThat(line).startsWith("FAILED " + findings));
    }

    @Test
    void verifyFailsWhenTheManifestItselfIsRewritten() throws IOException {
        PublishedRun run = publish("2026-10");
        Path metrics = run.folder().resolve("metrics.csv");
        Files.writeString(metrics, Files.readString(metrics).replace("team-1", "team-2"));
        Path manifest = run.folder().resolve("manifest.json");
        // a forger who also rewrites the manifest's hash of the file: the ledger's record still disagrees
        JsonNode content = ReportService.JSON.readTree(Files.readAllBytes(manifest));
        Files.writeString(manifest, Files.readString(manifest)
                .replace(content.path("outputs").get(0).path("sha256").asString(), Sha256.of(metrics))
                .replace("\"size_bytes\" : " + content.path("outputs").get(0).path("size_bytes").asLong(),
                        "\"size_bytes\" : " + Files.size(metrics)));

        Verification verification = verifier.verify(run.folder());

        assertThat(verification.passed()).isFalse();
        assertThat(verification.lines()).anySatisfy(line ->
                assertThat(line).startsWith("FAILED " + manifest + ": SHA-256").contains("the ledger recorded"));
    }

    @Test
    void verifyFailsWhenARunIsRemovedFromTheMiddleOfTheChain() throws IOException {
        publish("2026-08");
        PublishedRun middle = publish("2026-09");
        PublishedRun last = publish("2026-10");
        try (Stream<Path> walk = Files.walk(middle.folder())) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }

        Verification verification = verifier.verify(last.folder());

        assertThat(verification.passed()).isFalse();
        assertThat(verification.lines()).anySatisfy(line -> assertThat(line)
                .isEqualTo("FAILED chain of audit: the folder of an earlier run, " + middle.folder().toAbsolutePath()
                        + ", is missing or its manifest changed"));
    }

    @Test
    void verifyFailsOnAFileSlippedIntoTheFolder() throws IOException {
        PublishedRun run = publish("2026-10");
        Files.writeString(run.folder().resolve("extra.csv"), "x\n");

        Verification verification = verifier.verify(run.folder());

        assertThat(verification.passed()).isFalse();
        assertThat(verification.lines()).contains("FAILED " + run.folder().resolve("extra.csv") + ": not in the manifest");
    }

    /**
     * A forged copy elsewhere: the folder copied, a file edited and the manifest's hash of it recomputed. The ledger
     * has no record of that manifest (looked up by its SHA-256 and its run id, not by the path), so it fails; an
     * untouched copy elsewhere verifies as the original.
     */
    @Test
    void aForgedCopyElsewhereFailsAndAnUntouchedCopyVerifies() throws IOException {
        PublishedRun run = publish("2026-10");
        Path copy = copy(run.folder(), output.getParent().resolve("elsewhere/audit/2026-10"));
        Verification untouched = verifier.verify(copy);
        assertThat(untouched.passed()).as(String.join("\n", untouched.lines())).isTrue();
        assertThat(untouched.lines()).anySatisfy(line -> assertThat(line).contains("this is a copy"));

        Path metrics = copy.resolve("metrics.csv");
        Files.writeString(metrics, Files.readString(metrics).replace("team-1", "team-2"));
        Path manifest = copy.resolve("manifest.json");
        JsonNode content = ReportService.JSON.readTree(Files.readAllBytes(manifest));
        Files.writeString(manifest, Files.readString(manifest)
                .replace(content.path("outputs").get(0).path("sha256").asString(), Sha256.of(metrics))
                .replace("\"size_bytes\" : " + content.path("outputs").get(0).path("size_bytes").asLong(),
                        "\"size_bytes\" : " + Files.size(metrics)));

        Verification forged = verifier.verify(copy);
        assertThat(forged.passed()).isFalse();
        assertThat(forged.lines()).anySatisfy(line -> assertThat(line).startsWith("FAILED " + manifest
                + ": SHA-256").contains("the ledger recorded", "for run " + content.path("run_id").asLong()));

        // a manifest that names a run the ledger never had: no record at all, so it fails, and its signature no
        // longer holds, so it fails with --files-only too
        Files.writeString(manifest, Files.readString(manifest).replace("\"run_id\" : " + content.path("run_id")
                .asLong(), "\"run_id\" : 999999"));
        assertThat(verifier.verify(copy).passed()).isFalse();
        assertThat(verifier.verify(copy, true).passed()).isFalse();

        // an untouched pack the ledger in use does not know (another ledger's): it fails, unless --files-only, which
        // says on its last line what it checked
        Path other = copy(run.folder(), output.getParent().resolve("other/audit/2026-10"));
        jdbc.update("DELETE FROM report_manifest WHERE run_id = ?", content.path("run_id").asLong());
        assertThat(verifier.verify(other).passed()).isFalse();
        Verification filesOnly = verifier.verify(other, true);
        assertThat(filesOnly.passed()).as(String.join("\n", filesOnly.lines())).isTrue();
        assertThat(filesOnly.lines().get(filesOnly.lines().size() - 1)).isEqualTo("the files match their manifest,"
                + " but were only checked against themselves: the ledger in use has no record of this run");
    }

    @Test
    void aFileSlippedIntoASubfolderFails() throws IOException {
        PublishedRun run = publish("2026-10");
        Files.createDirectories(run.folder().resolve("extra"));
        Files.writeString(run.folder().resolve("extra/notes.csv"), "x\n");

        Verification verification = verifier.verify(run.folder());

        assertThat(verification.passed()).isFalse();
        assertThat(verification.lines()).contains("FAILED " + run.folder().resolve("extra/notes.csv")
                + ": not in the manifest");
    }

    @Test
    void verifyingAnEarlierRunFailsWhenTheNewestRunWasDeleted() throws IOException {
        PublishedRun first = publish("2026-09");
        PublishedRun newest = publish("2026-10");
        try (Stream<Path> walk = Files.walk(newest.folder())) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }

        Verification verification = verifier.verify(first.folder());

        assertThat(verification.passed()).isFalse();
        assertThat(verification.lines()).contains("FAILED chain of audit: the folder of a later run, "
                + newest.folder().toAbsolutePath().normalize() + ", is missing");
    }

    @Test
    void aCorruptedManifestIsANamedMismatchNotAParseError() throws IOException {
        PublishedRun run = publish("2026-10");
        Path manifest = run.folder().resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).substring(0, 200));

        Verification verification = verifier.verify(run.folder());

        assertThat(verification.passed()).isFalse();
        assertThat(verification.lines().get(0)).startsWith("FAILED " + manifest + ": not a manifest (")
                .endsWith("): it was altered or is not Release Ledger's");
    }

    /**
     * Each manifest is signed (Ed25519, manifest.sig): verify says by which key, and a manifest changed after it was
     * signed fails on its signature alone, even checked against the files only (no ledger needed).
     */
    @Test
    void theManifestIsSignedAndAChangedManifestFailsItsSignatureWithoutTheLedger() throws IOException {
        PublishedRun run = publish("2026-10");
        Path manifest = run.folder().resolve("manifest.json");
        assertThat(run.folder().resolve("manifest.sig")).exists();
        JsonNode sig = ReportService.JSON.readTree(Files.readAllBytes(run.folder().resolve("manifest.sig")));
        assertThat(sig.path("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(sig.path("manifest_sha256").asString()).isEqualTo(Sha256.of(manifest));

        Verification signed = verifier.verify(run.folder());
        assertThat(signed.passed()).isTrue();
        assertThat(signed.lines()).contains("ok " + manifest + " signed by key "
                + sig.path("key_fingerprint").asString() + " (this engine's key)");

        Path copy = copy(run.folder(), output.getParent().resolve("outsider/audit/2026-10"));
        Files.writeString(copy.resolve("manifest.json"), Files.readString(manifest).replace("\"job\" : \"audit\"",
                "\"job\" : \"audit \""));
        Verification forged = verifier.verify(copy, true);
        assertThat(forged.passed()).isFalse();
        assertThat(forged.lines()).anySatisfy(line -> assertThat(line).startsWith("FAILED " + copy.resolve(
                "manifest.sig") + ": the signature does not hold"));
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}
