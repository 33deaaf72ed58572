package com.releaseledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import com.releaseledger.support.LedgerIntegrationTest;

/** The PDF documents, read back as text with PDFBox: the headline numbers and every finding are there. */
class PdfIntegrationTests extends LedgerIntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    IngestService ingest;

    @Autowired
    AnalysisService analysis;

    @Autowired
    ReportService reports;

    private PublishedRun published;

    @BeforeEach
    void publish() throws IOException {
        Files.writeString(dir.resolve("services.csv"), "service,team,slo_target,rollback\nsvc-a,team-red,99.9,manual\n");
        Files.writeString(dir.resolve("changes.csv"), """
                change_id,type,risk,service,status,requested_by,created_at,approved_by,approval_type,approved_at
                CHG-SELF,normal,low,svc-a,closed,Ann,2026-09-01T00:00:00Z,ann,delegated,2026-09-02T00:00:00Z
                """);
        Files.writeString(dir.resolve("deployments.csv"), """
                deployment_id,service,environment,status,started_at,finished_at,change_id,test_evidence
                DEP-NOCHANGE,svc-a,production,succeeded,2026-10-05T10:00:00Z,2026-10-05T10:05:00Z,,ci/1
                DEP-SELF,svc-a,production,succeeded,2026-10-06T10:00:00Z,2026-10-06T10:05:00Z,CHG-SELF,
                """);
        Files.writeString(dir.resolve("incidents.csv"), """
                incident_id,service,severity,started_at,resolved_at
                INC-BIG,svc-a,1,2026-10-07T10:00:00Z,2026-10-07T12:00:00Z
                INC-OPEN,svc-a,4,2026-10-31T22:00:00Z,
                """);
        for (String kind : new String[] {"services", "changes", "deployments", "incidents"}) {
            ingest.ingest(IngestRequest.of(Kind.of(kind), dir.resolve(kind + ".csv")));
        }
        // the gate: DEP-SELF had its leave 30 minutes before; DEP-NOCHANGE was blocked 10 minutes before, and an
        // override by its deployer refused, and went out all the same
        gateDecision(1, "2026-10-06T09:30:00Z", "CHG-SELF", "allow", null, null, null);
        gateDecision(2, "2026-10-05T09:50:00Z", null, "block", "bot", "urgent",
                "bot is the deployer, who may not override the gate");
        AnalysisRequest request = new AnalysisRequest("pdf-test", ReportingPeriod.parse("2026-10", ZoneId.of("UTC")),
                null, Policy.defaults());
        published = reports.publish(analysis.analyze(request).runId(), request, dir.resolve("out"));
    }

    private void gateDecision(long id, String askedAt, String change, String decision, String overrideBy,
            String reason, String refused) {
        jdbc.update("""
                INSERT INTO gate_decision (decision_id, asked_at, job, service, environment, change_id, deployed_by,
                                           deploy_at, is_hotfix, production, decision, override_by, override_reason,
                                           override_refused, controls, policy, engine_version)
                VALUES (?, ?::timestamptz, 'pdf-test', 'svc-a', 'production', ?, 'bot', ?::timestamptz, false, true, ?,
                        ?, ?, ?, CAST(? AS jsonb), '{}', 'test')""", id, askedAt, change, askedAt, decision, overrideBy,
                reason, refused, change == null
                        ? "[{\"rule_id\": \"RL01\", \"result\": \"fail\"}, {\"rule_id\": \"RL02\", \"result\": \"pass\"}]"
                        : "[{\"rule_id\": \"RL01\", \"result\": \"pass\"}]");
    }

    @Test
    void theAuditPackHasTheGatesRegisterAndEachDeploymentsDecision() throws IOException {
        String text = text("audit-pack.pdf");

        assertThat(text).contains("10. The deployment gate", "Decisions the gate took in the period");
        // of the two production deployments, DEP-SELF allowed and DEP-NOCHANGE blocked: half each, none overridden
        // or ungated; no finding, as the default policy does not require the gate
        assertThat(text).contains("allow allowed by the gate 1 50.0% no",
                "block blocked by the gate, and deployed all the same 1 50.0% no: the policy does not require the gate",
                "override blocked, and the block overridden by a named person 0 0.0% no",
                "none the gate was not asked in the 60 minutes before the start 0 0.0%");
        // the register: both decisions, the failed control named, the refused override with why
        assertThat(text).contains("CHG-SELF", "RL01", "refused: bot is the deployer, who may not override the gate"
                + " (asked: urgent)");

        String scorecard = text("scorecard.pdf");
        // one of the two production deployments passed a gate
        assertThat(scorecard).contains("Gate passed a gate (of 2, 50.0 %) 1");
    }

    @Test
    void theAuditPackNamesItsRunAndHoldsEveryFindingAndTheSignOff() throws IOException {
        String text = text("audit-pack.pdf");

        assertThat(text).contains("Audit pack", "pdf-test", "2026-10", "Contents", "1. Scope and method",
                "2. Completeness and accuracy", "3. Population reconciliation", "4. The controls",
                "5. Per-control results", "6. Exceptions register", "15. Sign-off");
        // the first run of the job, whatever the ledger's run id
        assertThat(text).contains("run 1 of job pdf-test");
        // findings worked out from the fixture: RL01 (DEP-NOCHANGE has no change), RL04 (CHG-SELF approved by its
        // requester, "ann" for "Ann"), RL15 (DEP-SELF has no test evidence, svc-a rolls back by hand) and RL11
        // (INC-BIG, severity 1, resolved 7 Oct: its postmortem was due 17 Oct and never came). Not RL13: DEP-SELF
        // went out on the 6th, before INC-BIG spent the budget. Two of them (RL01, RL04) are high severity.
        assertThat(text).contains("4 exceptions (2 high severity) across 4 of 16 controls");
        assertThat(text).contains("DEP-NOCHANGE", "DEP-SELF", "CHG-SELF", "INC-BIG");
        // each rule under its plain name, with its code name beside it
        assertThat(text).contains("RL01 Every deployment has a change (deployment_without_change)",
                "RL04 No self-approval (self_approval)", "RL11 Postmortems completed in time (postmortem_overdue)",
                "RL15 Manual rollbacks are tested (manual_rollback_without_test_evidence)");
        // evidence as labelled fields, never JSON; RL01 says which case it is
        assertThat(text).contains("Reason: the deployment names no change").doesNotContain("{\"");
        for (int rule = 1; rule <= 16; rule++) {
            assertThat(text).contains(String.format("RL%02d", rule));
        }
        assertThat(text).containsPattern("Page 2 of\\s+\\d+");
    }

    @Test
    void theErrorBudgetReviewAndScorecardCarryTheirNumbers() throws IOException {
        String budget = text("error-budget.pdf");
        // 99.9 % of October (44,640 minutes in UTC): 44.64 allowed; INC-BIG spent 120
        // INC-BIG spent 120 minutes, INC-OPEN (never resolved) the last 120 of the period: 240 in all, the allowance
        // reached 44.64 minutes into INC-BIG (10:44:38 UTC on 7 October)
        assertThat(budget).contains("Error-budget review", "svc-a", "44.6", "240.0", "120.0 (1)",
                "exhausted since 2026-10-07 10:44 UTC", "INC-BIG",
                "open since 2026-10-31 22:00 UTC");

        String scorecard = text("scorecard.pdf");
        assertThat(scorecard).contains("Executive scorecard", "team-red", "Delivery by team",
                "Governance health by team", "Error-budget and governance health");
        // one basis, labelled; the bands in words beside their colours; no earlier period to compare: "–"
        assertThat(scorecard).contains("Successful deploys", "Bands: elite high medium low",
                "Recovery and time to restore measure different things");
        // the team's two successful deployments (DEP-NOCHANGE, DEP-SELF) in 31 days: 0.06 a day; lead time empty
        assertThat(scorecard).containsPattern("team-red 2 \u2013 0\\.06 \\S+ \u2013");
        // health: svc-a's budget exhausted; RL01 and RL04 high, RL11 and RL15 medium
        assertThat(scorecard).contains("exhausted 1", "high-severity findings 2", "medium-severity findings 2");
    }

    @Test
    void theContentsPageLinksEverySectionAndThePdfHasItsOutline() throws IOException {
        try (PDDocument document = Loader.loadPDF(published.folder().resolve("audit-pack.pdf").toFile())) {
            java.util.List<String> outline = new java.util.ArrayList<>();
            document.getDocumentCatalog().getDocumentOutline().children().forEach(item -> outline.add(item.getTitle()));
            assertThat(outline).startsWith("Contents", "1. Scope and method", "2. Completeness and accuracy: the"
                    + " input files", "3. Population reconciliation").endsWith("14. Definitions", "15. Sign-off")
                    .hasSize(16);
            // the second page is the contents: fifteen entries, each a link inside the document
            long links = document.getPage(1).getAnnotations().stream()
                    .filter(annotation -> annotation instanceof org.apache.pdfbox.pdmodel.interactive.annotation
                            .PDAnnotationLink).count();
            assertThat(links).isEqualTo(15);
        }
    }

    @Test
    void aReissueSaysItsVersionWhatItSupersedesAndWhy() throws IOException {
        AnalysisRequest request = new AnalysisRequest("pdf-test", ReportingPeriod.parse("2026-10", ZoneId.of("UTC")),
                null, Policy.defaults());
        PublishedRun second = reports.publish(analysis.analyze(request).runId(), request, dir.resolve("out"),
                Document.all(), "approvals corrected");

        try (PDDocument document = Loader.loadPDF(second.folder().resolve("audit-pack.pdf").toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text.replaceAll("\\s+", " ")).contains("run 2 of job pdf-test",
                    "version 2, supersedes pdf-test/2026-10, reason: approvals corrected");
        }
        assertThat(Files.readString(second.folder().resolve("manifest.json")))
                .contains("\"reason\" : \"approvals corrected\"");
    }

    /** The document's text, each run of spaces and line ends as one space (a cell's text may wrap anywhere). */
    private String text(String file) throws IOException {
        try (PDDocument document = Loader.loadPDF(published.folder().resolve(file).toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
