package com.releaseledger.analysis;

import static com.releaseledger.analysis.Rows.APPROVAL;
import static com.releaseledger.analysis.Rows.CHANGE;
import static com.releaseledger.analysis.Rows.DEPLOYMENT;
import static com.releaseledger.analysis.Rows.approval;
import static com.releaseledger.analysis.Rows.change;
import static com.releaseledger.analysis.Rows.csv;
import static com.releaseledger.analysis.Rows.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.releaseledger.ingest.Kind;
import com.releaseledger.kernel.SqlFile;

/**
 * Approvals fold into their change before analysis (DESIGN.md 2.7), each bullet firing and narrowly not firing, with
 * RL02 to RL06 judged on the folded change. October 2026 in Europe/London; the changes here carry no approval values
 * of their own unless a case says so ({@code approved_by}, {@code approval_type} and {@code approved_at} empty), so
 * everything the rules see comes from the approvals. Every expected value is worked out in the comments.
 */
class ApprovalsIntegrationTests extends FixtureIntegrationTest {

    private static final String PERIOD = "2026-10";
    private static final String LONDON = "Europe/London";
    private static final String[] UNAPPROVED = {"approved_by=", "approval_type=", "approved_at="};

    private AnalysisFixture fixture;

    @BeforeEach
    void services() {
        fixture = fixture("service,team\nsvc,team-1\n");
    }

    @Test
    void approvedApprovalsGiveApprovedAtAndACabApprovalType() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-cab", "normal", with("risk=high")),
                        change("c-delegated", "normal", with("risk=high"))))
                .load(Kind.APPROVALS, csv(APPROVAL,
                        // c-cab: approved in the CAB at 09:00, then by Dana Lee (delegated) at 10:00: the final
                        // decision is Dana's approval, approved_at the latest approved time (10:00), type cab
                        approval("a1", "c-cab", "Maria Gomez", "approved", "2026-10-02T09:00:00Z", "group=CAB",
                                "approval_type=cab"),
                        approval("a2", "c-cab", "Dana Lee", "approved", "2026-10-02T10:00:00Z",
                                "approval_type=delegated"),
                        // c-delegated: approved by delegation only: type delegated, so RL06 (high risk) fires
                        approval("a3", "c-delegated", "Dana Lee", "approved", "2026-10-02T10:00:00Z",
                                "approval_type=delegated")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-early", "2026-10-02T09:30:00Z", "c-cab"),     // before 10:00: RL02
                        deployment("d-on-time", "2026-10-02T10:00:00Z", "c-cab"),   // at approved_at: not after it
                        deployment("d-delegated", "2026-10-02T11:00:00Z", "c-delegated")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL02", false)).containsExactly("d-early|c-cab||2026-10-02T09:30:00Z");
        assertThat(fixture.findings(run, "RL06", false)).containsExactly(
                "d-delegated|c-delegated||2026-10-02T11:00:00Z");
        assertThat(fixture.findings(run, "RL03", false)).isEmpty();
        // the audit pack's register of changes shows each approver's decision and time, in the order decided
        assertThat(new NamedParameterJdbcTemplate(jdbc).queryForList(
                SqlFile.load("reports/audit_changes.sql").text(), Map.of("run_id", run)))
                .filteredOn(row -> "c-cab".equals(row.get("change_id")))
                .extracting(row -> row.get("approvals"))
                .containsExactly("Maria Gomez approved 2026-10-02 09:00 UTC (CAB); Dana Lee approved 2026-10-02 10:00 UTC");
    }

    @Test
    void aLaterRejectionAfterAnApprovalIsTheFinalDecisionAndCountsAsRejected() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-rejected", "normal", UNAPPROVED),
                        change("c-approved", "normal", UNAPPROVED)))
                .load(Kind.APPROVALS, csv(APPROVAL,
                        // approved at 09:00, rejected at 12:00: final decision rejected, so no approved_at (RL02
                        // "never approved") and RL03 although the change is closed
                        approval("r1", "c-rejected", "DBA", "approved", "2026-10-05T09:00:00Z"),
                        approval("r2", "c-rejected", "CAB Chair", "rejected", "2026-10-05T12:00:00Z"),
                        // the other way round: final decision approved at 12:00, the deployment at 13:00 is fine
                        approval("p1", "c-approved", "CAB Chair", "rejected", "2026-10-05T09:00:00Z"),
                        approval("p2", "c-approved", "DBA", "approved", "2026-10-05T12:00:00Z")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-rejected", "2026-10-05T13:00:00Z", "c-rejected"),
                        deployment("d-approved", "2026-10-05T13:00:00Z", "c-approved")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL03", false)).containsExactly(
                "d-rejected|c-rejected||2026-10-05T13:00:00Z");
        assertThat(jdbc.queryForObject("SELECT detail FROM finding WHERE run_id = ? AND rule_id = 'RL03'",
                String.class, run)).isEqualTo(
                "change c-rejected was rejected by CAB Chair (its final approval decision) but was deployed");
        assertThat(jdbc.queryForObject("SELECT evidence->>'final_decided_at' FROM finding WHERE run_id = ?"
                + " AND rule_id = 'RL03'", String.class, run)).startsWith("2026-10-05T12:00:00");
        assertThat(fixture.findings(run, "RL02", false)).containsExactly(
                "d-rejected|c-rejected||2026-10-05T13:00:00Z");
        assertThat(jdbc.queryForObject("SELECT detail FROM finding WHERE run_id = ? AND rule_id = 'RL02'",
                String.class, run)).isEqualTo("normal change c-rejected was never approved");
    }

    @Test
    void anApprovalWithoutATimeAddsItsApproverButIsNeverTheFinalDecision() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-self", "normal", UNAPPROVED),
                        change("c-untimed", "normal", UNAPPROVED)))
                .load(Kind.APPROVALS, csv(APPROVAL,
                        // Approver2 at 09:00 is the final decision; the requester's own approval has no time: it
                        // still makes the requester an approver (RL04, compared trimmed and case-insensitively)
                        approval("s1", "c-self", "Approver2", "approved", "2026-10-06T09:00:00Z"),
                        approval("s2", "c-self", " req ", "approved", ""),
                        // a rejection without a time is no final decision: no RL03, and nothing approved it (RL02)
                        approval("u1", "c-untimed", "CAB Chair", "rejected", "")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-self", "2026-10-06T10:00:00Z", "c-self"),
                        deployment("d-untimed", "2026-10-06T10:00:00Z", "c-untimed")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL04", false)).containsExactly("d-self|c-self||2026-10-06T10:00:00Z");
        // c-self: approved_at 09:00 (the timed approval), before the 10:00 deployment: no RL02
        assertThat(fixture.findings(run, "RL02", false)).containsExactly(
                "d-untimed|c-untimed||2026-10-06T10:00:00Z");
        assertThat(fixture.findings(run, "RL03", false)).isEmpty();
    }

    @Test
    void tiesOnDecidedAtGoToTheGreaterApprovalIdInByteOrder() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-tie-rejected", "normal", UNAPPROVED),
                        change("c-tie-approved", "normal", UNAPPROVED)))
                .load(Kind.APPROVALS, csv(APPROVAL,
                        // same second: "t-B" > "t-A" in byte order, so the rejection of t-B is final
                        approval("t-A", "c-tie-rejected", "X", "approved", "2026-10-07T09:00:00Z"),
                        approval("t-B", "c-tie-rejected", "Y", "rejected", "2026-10-07T09:00:00Z"),
                        // and here the approval of "u-b" is final ("u-b" > "u-B": lower case sorts after upper)
                        approval("u-B", "c-tie-approved", "Y", "rejected", "2026-10-07T09:00:00Z"),
                        approval("u-b", "c-tie-approved", "X", "approved", "2026-10-07T09:00:00Z")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-tie-rejected", "2026-10-07T10:00:00Z", "c-tie-rejected"),
                        deployment("d-tie-approved", "2026-10-07T10:00:00Z", "c-tie-approved")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL03", false)).containsExactly(
                "d-tie-rejected|c-tie-rejected||2026-10-07T10:00:00Z");
        assertThat(fixture.findings(run, "RL02", false)).containsExactly(
                "d-tie-rejected|c-tie-rejected||2026-10-07T10:00:00Z");
    }

    @Test
    void onlyApprovalsDecidedApprovedMakeApproversForRl05() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-deployer", "normal", "implemented_by=Impl"),
                        change("c-asked", "normal", "implemented_by=Impl")))
                .load(Kind.APPROVALS, csv(APPROVAL,
                        // the deployer ("bot" in the fixture) approved c-deployer: RL05
                        approval("d1", "c-deployer", "BOT", "approved", "2026-09-03T09:00:00Z"),
                        // the implementer was only asked to approve c-asked: not an approver
                        approval("d2", "c-asked", "impl", "requested", ""),
                        approval("d3", "c-asked", "bot", "cancelled", "2026-09-03T09:00:00Z")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-deployer", "2026-10-08T10:00:00Z", "c-deployer"),
                        deployment("d-asked", "2026-10-08T10:00:00Z", "c-asked")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL05", false)).containsExactly(
                "d-deployer|c-deployer||2026-10-08T10:00:00Z");
        // the changes' own approved_at (2 September) stands: the approvals never replace a value the change has
        assertThat(fixture.findings(run, "RL02", false)).isEmpty();
    }

    @Test
    void aChangesOwnApprovalValuesWinOverItsApprovals() {
        fixture.load(Kind.CHANGES, csv(CHANGE, change("c-own", "normal", "risk=critical")))
                .load(Kind.APPROVALS, csv(APPROVAL,
                        // a CAB approval after the deployment: approved_at (2 September) and approval_type
                        // (delegated) of the change stay, so no RL02 and still RL06
                        approval("o1", "c-own", "CAB Chair", "approved", "2026-10-09T12:00:00Z", "group=CAB",
                                "approval_type=cab")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT, deployment("d-own", "2026-10-09T10:00:00Z", "c-own")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL02", false)).isEmpty();
        assertThat(fixture.findings(run, "RL06", false)).containsExactly("d-own|c-own||2026-10-09T10:00:00Z");
    }

    @Test
    void anApprovalThatNamesNoChangeIsADataQualityItem() {
        fixture.load(Kind.CHANGES, csv(CHANGE, change("c1", "standard")))
                .load(Kind.APPROVALS, csv(APPROVAL,
                        approval("orphan", "CHG-NONE", "Maria Gomez", "approved", "2026-10-02T09:00:00Z"),
                        approval("known", "c1", "Maria Gomez", "approved", "2026-10-02T09:00:00Z")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.dataQuality(run)).filteredOn(item -> "orphan_approval".equals(item.get("category")))
                .extracting(item -> item.get("record_id") + ": " + item.get("detail"))
                .containsExactly("orphan: approval orphan by Maria Gomez names change CHG-NONE, which is not among "
                        + "the changes");
    }

    /** The unapproved defaults plus the case's own values. */
    private static String[] with(String... overrides) {
        String[] all = new String[UNAPPROVED.length + overrides.length];
        System.arraycopy(UNAPPROVED, 0, all, 0, UNAPPROVED.length);
        System.arraycopy(overrides, 0, all, UNAPPROVED.length, overrides.length);
        return all;
    }
}
