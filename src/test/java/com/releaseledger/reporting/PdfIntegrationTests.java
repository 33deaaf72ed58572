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
                """);
        for (String kind : new String[] {"services", "changes", "deployments", "incidents"}) {
            ingest.ingest(IngestRequest.of(Kind.of(kind), dir.resolve(kind + ".csv")));
        }
        AnalysisRequest request = new AnalysisRequest("pdf-test", ReportingPeriod.parse("2026-10", ZoneId.of("UTC")),
                null, Policy.defaults());
        published = reports.publish(analysis.analyze(request).runId(), request, dir.resolve("out"));
    }

    @Test
    void theAuditPackNamesItsRunAndHoldsEveryFindingAndTheSignOff() throws IOException {
        String text = text("audit-pack.pdf");

        assertThat(text).contains("Audit pack", "pdf-test", "2026-10", "1. Scope and method",
                "2. Completeness and accuracy", "3. Per-control summary", "4. Exceptions register", "12. Sign-off");
        // findings worked out from the fixture: RL01 (DEP-NOCHANGE has no change), RL04 (CHG-SELF approved by its
        // requester, "ann" for "Ann"), RL15 (DEP-SELF has no test evidence, svc-a rolls back by hand) and RL11
        // (INC-BIG, severity 1, resolved 7 Oct: its postmortem was due 17 Oct and never came). Not RL13: DEP-SELF
        // went out on the 6th, before INC-BIG spent the budget. Two of them (RL01, RL04) are high severity.
        assertThat(text).contains("4 exceptions (2 high severity) across 4 of 15 controls");
        assertThat(text).contains("DEP-NOCHANGE", "DEP-SELF", "CHG-SELF", "INC-BIG");
        assertThat(text).contains("RL01 deployment_without_change", "RL04 self_approval", "RL11 postmortem_overdue",
                "RL15 manual_rollback_without_test_evidence");
        for (int rule = 1; rule <= 15; rule++) {
            assertThat(text).contains(String.format("RL%02d", rule));
        }
        assertThat(text).containsPattern("Page 2 of\\s+\\d+");
    }

    @Test
    void theErrorBudgetReviewAndScorecardCarryTheirNumbers() throws IOException {
        String budget = text("error-budget.pdf");
        // 99.9 % of October (44,640 minutes in UTC): 44.64 allowed; INC-BIG spent 120
        assertThat(budget).contains("Error-budget review", "svc-a", "44.6", "120.0", "EXHAUSTED", "INC-BIG");

        String scorecard = text("scorecard.pdf");
        assertThat(scorecard).contains("Executive scorecard", "team-red", "Delivery by team",
                "Governance health by team");
    }

    private String text(String file) throws IOException {
        try (PDDocument document = Loader.loadPDF(published.folder().resolve(file).toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
