package com.releaseledger.analysis;

import static com.releaseledger.analysis.Rows.CHANGE;
import static com.releaseledger.analysis.Rows.DEPLOYMENT;
import static com.releaseledger.analysis.Rows.INCIDENT;
import static com.releaseledger.analysis.Rows.change;
import static com.releaseledger.analysis.Rows.csv;
import static com.releaseledger.analysis.Rows.deployment;
import static com.releaseledger.analysis.Rows.incident;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.releaseledger.ingest.Kind;

/**
 * Each governance rule of DESIGN.md section 6 firing, and narrowly not firing, on hand-made fixtures in October
 * 2026, Europe/London (BST until 01:00 UTC on 25 October). A finding is written deployment|change|incident|
 * occurred_at (UTC); every expected list is worked out from the rule's text in the comments.
 */
class FindingsIntegrationTests extends FixtureIntegrationTest {

    private static final String PERIOD = "2026-10";
    private static final String LONDON = "Europe/London";

    private AnalysisFixture fixture;

    @BeforeEach
    void services() {
        fixture = fixture(TWO_SERVICES);
    }

    /**
     * A finding always belongs to a stored run (sql/migrations/V19, checked once per statement): one naming a run
     * that does not exist is refused, a finding's run never changes, and a run that has findings is never deleted.
     */
    @Test
    void aFindingAlwaysBelongsToAStoredRun() {
        fixture.load(Kind.DEPLOYMENTS, csv(DEPLOYMENT, deployment("d-none", "2026-10-05T10:00:00Z", "")));
        long run = fixture.analyze(PERIOD, LONDON, null);
        assertThat(fixture.findings(run, "RL01", false)).containsExactly("d-none|||2026-10-05T10:00:00Z");

        String copy = "INSERT INTO finding (run_id, rule_id, severity, pending, occurred_at, detail, evidence)"
                + " SELECT ?, rule_id, severity, pending, occurred_at, detail, evidence FROM finding WHERE run_id = ?";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(copy, run + 1000, run))
                .hasMessageContaining("a finding names run " + (run + 1000) + ", which does not exist");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("UPDATE finding SET run_id = ? WHERE run_id = ?", run + 1000, run))
                .hasMessageContaining("the run of a finding never changes");
        // the run's other rows, whose foreign keys would refuse the deletion first
        for (String table : jdbc.queryForList("""
                SELECT conrelid::regclass::text FROM pg_constraint
                WHERE contype = 'f' AND confrelid = 'analysis_run'::regclass AND conrelid <> confrelid""",
                String.class)) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", run);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.update("DELETE FROM analysis_run WHERE run_id = ?", run))
                .hasMessageContaining("has findings and cannot be deleted");
        // refused, each of them: nothing changed
        assertThat(fixture.findings(run, "RL01", false)).containsExactly("d-none|||2026-10-05T10:00:00Z");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM finding WHERE run_id <> ?", Long.class, run)).isZero();
        // a finding added for the run itself is taken
        assertThat(jdbc.update(copy + " AND rule_id = 'RL01'", run, run)).isEqualTo(1);
    }

    /** The documents' queries over a run's findings are planned from statistics that count them. */
    @Test
    void aRunLeavesTheFindingsTableAnalysed() {
        fixture.load(Kind.DEPLOYMENTS, csv(DEPLOYMENT, deployment("d1", "2026-10-05T10:00:00Z", ""),
                deployment("d2", "2026-10-05T11:00:00Z", ""), deployment("d3", "2026-10-05T12:00:00Z", "")));
        long run = fixture.analyze(PERIOD, LONDON, null);
        assertThat(fixture.findings(run, "RL01", false)).hasSize(3);

        long findings = jdbc.queryForObject("SELECT count(*) FROM finding", Long.class);
        // a table this small is read whole by ANALYZE, so its estimate is the count itself
        assertThat(jdbc.queryForObject("SELECT reltuples::bigint FROM pg_class WHERE oid = 'finding'::regclass",
                Long.class)).isEqualTo(findings);
    }

    @Test
    void rl01FlagsDeploymentsWithoutAKnownChangeThatStartedInThePeriod() {
        fixture.load(Kind.CHANGES, csv(CHANGE, change("c1", "standard")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-none", "2026-10-05T10:00:00Z", ""),
                        deployment("d-ghost", "2026-10-05T11:00:00Z", "c-missing"),
                        deployment("d-known", "2026-10-05T12:00:00Z", "c1"),
                        // started one second before the period (23:00 UTC on 30 September is midnight in London)
                        deployment("d-before", "2026-09-30T22:59:59Z", ""),
                        deployment("d-at-start", "2026-09-30T23:00:00Z", ""),
                        deployment("d-at-end", "2026-11-01T00:00:00Z", ""),
                        deployment("d-staging", "2026-10-05T13:00:00Z", "", "environment=staging"),
                        deployment("d-cancelled", "2026-10-05T14:00:00Z", "", "status=cancelled")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL01", false)).containsExactly(
                "d-at-start|||2026-09-30T23:00:00Z",
                "d-ghost|c-missing||2026-10-05T11:00:00Z",
                "d-none|||2026-10-05T10:00:00Z");
    }

    @Test
    void rl02FlagsANormalChangeDeployedBeforeItWasApproved() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-late", "normal", "approved_at=2026-10-05T10:00:01Z"),
                        change("c-exact", "normal", "approved_at=2026-10-05T10:00:00Z"),
                        change("c-never", "normal", "approved_at="),
                        change("c-standard", "standard", "approved_at=")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-late", "2026-10-05T10:00:00Z", "c-late"),
                        deployment("d-exact", "2026-10-05T10:00:00Z", "c-exact"),
                        deployment("d-never", "2026-10-05T10:00:00Z", "c-never"),
                        deployment("d-standard", "2026-10-05T10:00:00Z", "c-standard")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        // approved one second after the start, or never; approved exactly at the start is in time
        assertThat(fixture.findings(run, "RL02", false)).containsExactly(
                "d-late|c-late||2026-10-05T10:00:00Z", "d-never|c-never||2026-10-05T10:00:00Z");
    }

    @Test
    void rl03FlagsRejectedAndCancelledChanges() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-rejected", "standard", "status=Rejected"),
                        change("c-cancelled", "standard", "status=cancelled"),
                        change("c-new", "standard", "status=new")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d1", "2026-10-06T10:00:00Z", "c-rejected"),
                        deployment("d2", "2026-10-06T11:00:00Z", "c-cancelled"),
                        deployment("d3", "2026-10-06T12:00:00Z", "c-new")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL03", false)).containsExactly(
                "d1|c-rejected||2026-10-06T10:00:00Z", "d2|c-cancelled||2026-10-06T11:00:00Z");
    }

    @Test
    void rl04FlagsSelfApprovalOncePerChangeComparingNamesTrimmedAndCaseInsensitively() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-self", "normal", "requested_by=Ann Lee", "approved_by= ann LEE ;Bob"),
                        change("c-spaces", "normal", "requested_by=Ann Lee", "approved_by=Ann  Lee"),
                        change("c-pieces", "normal", "requested_by=Bob", "approved_by=;; bob ;"),
                        change("c-other", "normal", "requested_by=Ann Lee", "approved_by=Ann Leigh")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-self-2", "2026-10-07T10:00:00Z", "c-self"),
                        deployment("d-self-1", "2026-10-06T10:00:00Z", "c-self"),
                        deployment("d-spaces", "2026-10-06T10:00:00Z", "c-spaces"),
                        deployment("d-pieces", "2026-10-06T11:00:00Z", "c-pieces"),
                        deployment("d-other", "2026-10-06T12:00:00Z", "c-other")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        // one finding per change, naming its earliest deployment; "Ann  Lee" (two inner spaces) is someone else
        assertThat(fixture.findings(run, "RL04", false)).containsExactly(
                "d-pieces|c-pieces||2026-10-06T11:00:00Z", "d-self-1|c-self||2026-10-06T10:00:00Z");
    }

    @Test
    void rl05FlagsAnApproverWhoImplementedOrDeployed() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-implemented", "normal", "approved_by=Carl;Dana", "implemented_by= CARL"),
                        change("c-deployed", "normal", "approved_by=Dana"),
                        change("c-clean", "normal", "approved_by=Erin", "implemented_by=Erik")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d1", "2026-10-08T10:00:00Z", "c-implemented"),
                        deployment("d2", "2026-10-08T11:00:00Z", "c-deployed", "deployed_by=dana"),
                        deployment("d3", "2026-10-08T12:00:00Z", "c-deployed", "deployed_by=Daniel"),
                        deployment("d4", "2026-10-08T13:00:00Z", "c-clean", "deployed_by=Erin2")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL05", false)).containsExactly(
                "d1|c-implemented||2026-10-08T10:00:00Z", "d2|c-deployed||2026-10-08T11:00:00Z");
    }

    @Test
    void rl06FlagsHighRiskNormalChangesWithoutCabApproval() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-delegated", "normal", "risk=high", "approval_type=delegated"),
                        change("c-none", "normal", "risk=Critical", "approval_type="),
                        change("c-cab", "normal", "risk=high", "approval_type=cab"),
                        change("c-medium", "normal", "risk=medium", "approval_type=delegated"),
                        change("c-emergency", "emergency", "risk=high", "approval_type=delegated")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d1", "2026-10-09T10:00:00Z", "c-delegated"),
                        deployment("d1b", "2026-10-09T12:00:00Z", "c-delegated"),
                        deployment("d2", "2026-10-09T11:00:00Z", "c-none"),
                        deployment("d3", "2026-10-09T11:00:00Z", "c-cab"),
                        deployment("d4", "2026-10-09T11:00:00Z", "c-medium"),
                        deployment("d5", "2026-10-09T11:00:00Z", "c-emergency")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL06", false)).containsExactly(
                "d1|c-delegated||2026-10-09T10:00:00Z", "d2|c-none||2026-10-09T11:00:00Z");
    }

    @Test
    void rl07AndRl10JudgeBlackoutsAndTheExceptionsThatAllowThem() {
        fixture.load(Kind.BLACKOUTS, """
                        blackout_id,starts_at,ends_at,services,reason
                        blk-1,2026-10-20T00:00:00Z,2026-10-21T00:00:00Z,svc ; other,freeze
                        blk-3,2026-10-20T09:00:00Z,2026-10-20T11:00:00Z,svc,migration
                        blk-2,2026-10-22T00:00:00Z,2026-10-22T06:00:00Z,,all services
                        """)
                .load(Kind.EXCEPTIONS, """
                        exception_id,reason,approved_by,granted_at,change_id,expires_at
                        exc-ok,vendor patch,Zed,2026-10-01T00:00:00Z,c-unrelated,2026-10-30T00:00:00Z
                        exc-30,vendor patch,Zed,2026-09-20T10:00:00Z,,2026-10-20T10:00:00Z
                        exc-expired,vendor patch,Zed,2026-10-01T00:00:00Z,,2026-10-20T09:59:59Z
                        exc-late,vendor patch,Zed,2026-10-20T10:00:01Z,,2026-10-25T00:00:00Z
                        exc-open,vendor patch,Zed,2026-10-01T00:00:00Z,,
                        exc-long,vendor patch,Zed,2026-09-20T09:59:59Z,,2026-10-20T10:00:00Z
                        """)
                .load(Kind.CHANGES, csv(CHANGE,
                        change("c-plain", "normal"),
                        change("c-emergency", "emergency"),
                        change("c-ok", "normal", "exception_id=exc-ok"),
                        change("c-30", "normal", "exception_id=exc-30"),
                        change("c-expired", "normal", "exception_id=exc-expired"),
                        change("c-late", "normal", "exception_id=exc-late"),
                        change("c-open", "normal", "exception_id=exc-open"),
                        change("c-long", "normal", "exception_id=exc-long"),
                        change("c-missing", "normal", "exception_id=exc-none")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        // inside blk-1 and blk-3 at once: one finding
                        deployment("d-plain", "2026-10-20T10:00:00Z", "c-plain"),
                        deployment("d-emergency", "2026-10-20T10:00:00Z", "c-emergency"),
                        deployment("d-ok", "2026-10-20T10:00:00Z", "c-ok"),
                        deployment("d-30", "2026-10-20T10:00:00Z", "c-30"),
                        deployment("d-expired", "2026-10-20T10:00:00Z", "c-expired"),
                        deployment("d-late", "2026-10-20T10:00:00Z", "c-late"),
                        deployment("d-open", "2026-10-20T10:00:00Z", "c-open"),
                        deployment("d-long", "2026-10-20T10:00:00Z", "c-long"),
                        deployment("d-missing", "2026-10-20T10:00:00Z", "c-missing"),
                        deployment("d-nochange", "2026-10-20T10:00:00Z", ""),
                        deployment("d-before", "2026-10-19T23:59:59Z", "c-plain"),
                        deployment("d-at-end", "2026-10-21T00:00:00Z", "c-plain"),
                        deployment("d-other-service", "2026-10-20T10:00:00Z", "c-plain", "service=svc-man"),
                        deployment("d-all", "2026-10-22T03:00:00Z", "c-plain", "service=svc-man")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        // exc-ok is valid (29 days, in force); exc-30 spans exactly 30 x 24 hours and expires at the very start:
        // valid. The others fail one condition each; exc-none does not exist.
        assertThat(fixture.findings(run, "RL10", false)).containsExactly(
                "d-expired|c-expired||2026-10-20T10:00:00Z",
                "d-late|c-late||2026-10-20T10:00:00Z",
                "d-long|c-long||2026-10-20T10:00:00Z",
                "d-missing|c-missing||2026-10-20T10:00:00Z",
                "d-open|c-open||2026-10-20T10:00:00Z");
        // in a blackout covering svc: not the emergency, not those with a valid exception; blk-1 names "svc" and
        // " other", not svc-man; blk-2 (no services) covers all; blackouts are half-open
        assertThat(fixture.findings(run, "RL07", false)).containsExactly(
                "d-all|c-plain||2026-10-22T03:00:00Z",
                "d-expired|c-expired||2026-10-20T10:00:00Z",
                "d-late|c-late||2026-10-20T10:00:00Z",
                "d-long|c-long||2026-10-20T10:00:00Z",
                "d-missing|c-missing||2026-10-20T10:00:00Z",
                "d-nochange|||2026-10-20T10:00:00Z",
                "d-open|c-open||2026-10-20T10:00:00Z",
                "d-plain|c-plain||2026-10-20T10:00:00Z");
    }

    @Test
    void rl08FlagsDeploymentsOutsideTheApprovedWindow() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-window", "normal", "planned_start=2026-10-08T09:00:00Z",
                                "planned_end=2026-10-08T10:00:00Z"),
                        change("c-open-ended", "normal", "planned_start=2026-10-08T09:00:00Z")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-early", "2026-10-08T08:59:59Z", "c-window", "finished_at=2026-10-08T09:30:00Z"),
                        deployment("d-inside", "2026-10-08T09:00:00Z", "c-window", "finished_at=2026-10-08T10:00:00Z"),
                        deployment("d-late", "2026-10-08T09:30:00Z", "c-window", "finished_at=2026-10-08T10:00:01Z"),
                        deployment("d-running", "2026-10-08T09:30:00Z", "c-window", "status=in_progress",
                                "finished_at="),
                        deployment("d-running-early", "2026-10-08T08:00:00Z", "c-window", "status=in_progress",
                                "finished_at="),
                        deployment("d-no-end", "2026-10-08T08:00:00Z", "c-open-ended")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL08", false)).containsExactly(
                "d-early|c-window||2026-10-08T08:59:59Z",
                "d-late|c-window||2026-10-08T09:30:00Z",
                "d-running-early|c-window||2026-10-08T08:00:00Z");
    }

    @Test
    void rl09JudgesEmergencyReviewsByTheirDeadlineInTwentyFourHourDays() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("e-dst", "emergency", "review_completed_at=2026-10-25T12:30:00Z"),
                        change("e-at-as-of", "emergency"),
                        change("e-after-as-of", "emergency"),
                        change("e-reviewed", "emergency", "review_completed_at=2026-10-29T10:00:00Z"),
                        change("e-september", "emergency"),
                        change("e-on-time", "emergency", "review_completed_at=2026-10-29T00:00:00Z"),
                        change("e-staged", "emergency"),
                        change("e-november", "emergency", "review_completed_at=2026-10-31T00:00:00Z"),
                        change("n-normal", "normal")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-dst", "2026-10-20T12:00:00Z", "e-dst"),
                        deployment("d-dst-2", "2026-10-21T12:00:00Z", "e-dst"),
                        deployment("d-at", "2026-10-25T12:00:00Z", "e-at-as-of"),
                        deployment("d-after", "2026-10-25T12:00:01Z", "e-after-as-of"),
                        deployment("d-reviewed", "2026-10-26T10:00:00Z", "e-reviewed"),
                        deployment("d-september", "2026-09-10T10:00:00Z", "e-september"),
                        deployment("d-september-2", "2026-10-10T10:00:00Z", "e-september"),
                        deployment("d-on-time", "2026-10-24T00:00:00Z", "e-on-time"),
                        deployment("d-stage", "2026-10-01T10:00:00Z", "e-staged", "environment=staging"),
                        deployment("d-staged", "2026-10-21T10:00:00Z", "e-staged"),
                        deployment("d-november", "2026-10-29T10:00:00Z", "e-november"),
                        deployment("d-normal", "2026-10-20T10:00:00Z", "n-normal")));

        long run = fixture.analyze(PERIOD, LONDON, "2026-10-30T12:00:00Z");

        // e-dst: due 20 Oct 12:00 UTC + 5 x 24 h = 25 Oct 12:00 UTC, across the change back; reviewed 12:30: late
        //   (five calendar days in London would have made it 13:00 UTC, and on time)
        // e-at-as-of: due exactly at as_of: judged, never reviewed
        // e-staged: due 26 Oct 10:00 from its first production deployment (the staging one does not count)
        // e-on-time: reviewed exactly at its deadline; e-september: due in September; e-reviewed: due 31 Oct
        assertThat(fixture.findings(run, "RL09", false)).containsExactly(
                "d-at|e-at-as-of||2026-10-30T12:00:00Z",
                "d-dst|e-dst||2026-10-25T12:00:00Z",
                "d-staged|e-staged||2026-10-26T10:00:00Z");
        // open at as_of: due after it, not reviewed by it (e-reviewed was, on 29 Oct; e-november's review is after
        // as_of, so it is still open; its deadline is in November)
        assertThat(fixture.findings(run, "RL09", true)).containsExactly(
                "d-after|e-after-as-of||2026-10-30T12:00:01Z",
                "d-november|e-november||2026-11-03T10:00:00Z");
    }

    @Test
    void rl09JudgesEveryDeadlineOfThePeriodWithTheDefaultAsOf() {
        fixture.load(Kind.CHANGES, csv(CHANGE, change("e-late-month", "emergency"), change("e-next", "emergency")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d1", "2026-10-26T23:59:59Z", "e-late-month"),
                        deployment("d2", "2026-10-27T00:00:00Z", "e-next")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        // as_of defaults to the period end, 1 Nov 00:00 UTC: d1's deadline (31 Oct 23:59:59) is judged. d2's falls
        // exactly at the period end: not in October (half-open), and not after as_of, so not pending either; the
        // final run of November judges it, so each deadline is judged exactly once
        assertThat(fixture.findings(run, "RL09", false)).containsExactly("d1|e-late-month||2026-10-31T23:59:59Z");
        assertThat(fixture.findings(run, "RL09", true)).isEmpty();
        long november = fixture.analyze("2026-11", LONDON, null);
        assertThat(fixture.findings(november, "RL09", false)).containsExactly("d2|e-next||2026-11-01T00:00:00Z");
    }

    @Test
    void rl11JudgesPostmortemsOfSevereIncidents() {
        fixture.load(Kind.INCIDENTS, csv(INCIDENT,
                incident("p-dst", "2026-10-15T10:00:00Z", "2026-10-15T12:00:00Z", "severity=1",
                        "postmortem_at=2026-10-25T12:30:00Z"),
                incident("p-at-as-of", "2026-10-20T10:00:00Z", "2026-10-20T12:00:00Z", "severity=2"),
                incident("p-after-as-of", "2026-10-20T10:00:00Z", "2026-10-20T12:00:01Z", "severity=2"),
                incident("p-minor", "2026-10-05T10:00:00Z", "2026-10-05T12:00:00Z", "severity=3"),
                incident("p-on-time", "2026-10-10T10:00:00Z", "2026-10-11T00:00:00Z", "severity=1",
                        "postmortem_at=2026-10-21T00:00:00Z"),
                incident("p-open", "2026-10-10T10:00:00Z", "", "severity=1"),
                incident("p-september", "2026-09-10T10:00:00Z", "2026-09-15T10:00:00Z", "severity=1"),
                incident("p-done-early", "2026-10-25T09:00:00Z", "2026-10-25T10:00:00Z", "severity=2",
                        "postmortem_at=2026-10-30T11:00:00Z")));

        long run = fixture.analyze(PERIOD, LONDON, "2026-10-30T12:00:00Z");

        // p-dst: due 15 Oct 12:00 + 10 x 24 h = 25 Oct 12:00 UTC (across the change back); 12:30 is late.
        // p-at-as-of: due 30 Oct 12:00 = as_of: judged. p-on-time: exactly at its deadline.
        assertThat(fixture.findings(run, "RL11", false)).containsExactly(
                "||p-at-as-of|2026-10-30T12:00:00Z", "||p-dst|2026-10-25T12:00:00Z");
        // p-after-as-of is due a second after as_of; p-done-early is due 4 Nov but done before as_of
        assertThat(fixture.findings(run, "RL11", true)).containsExactly("||p-after-as-of|2026-10-30T12:00:01Z");
    }

    @Test
    void rl12FlagsChangesClosedAsSuccessfulWhoseDeploymentsFailed() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-failed-then-ok", "normal", "outcome=successful"),
                        change("c-rolled-back", "normal", "outcome=successful"),
                        change("c-incident", "normal", "outcome=successful"),
                        change("c-honest", "normal", "outcome=failed"),
                        change("c-clean", "normal", "outcome=successful"),
                        change("c-before", "normal", "outcome=successful")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d1-retry", "2026-10-09T11:00:00Z", "c-failed-then-ok"),
                        deployment("d1", "2026-10-09T10:00:00Z", "c-failed-then-ok", "status=failed"),
                        deployment("d2", "2026-10-10T10:00:00Z", "c-rolled-back", "status=rolled_back"),
                        deployment("d3", "2026-10-11T10:00:00Z", "c-incident"),
                        deployment("d4", "2026-10-12T10:00:00Z", "c-honest", "status=failed"),
                        deployment("d5", "2026-10-13T10:00:00Z", "c-clean"),
                        // started before the period, finished in it: a member of PD
                        deployment("d6", "2026-09-30T22:55:00Z", "c-before", "status=failed",
                                "finished_at=2026-09-30T23:05:00Z")))
                .load(Kind.INCIDENTS, csv(INCIDENT,
                        incident("i3", "2026-10-11T11:00:00Z", "2026-10-11T12:00:00Z", "caused_by_deployment_id=d3")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL12", false)).containsExactly(
                "d1|c-failed-then-ok||2026-10-09T10:00:00Z",
                "d2|c-rolled-back||2026-10-10T10:00:00Z",
                "d3|c-incident||2026-10-11T10:00:00Z",
                "d6|c-before||2026-09-30T22:55:00Z");
    }

    @Test
    void rl14JudgesRollbackReviewsAndIgnoresReviewsBeforeTheRollback() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("c-dst", "normal", "review_completed_at=2026-10-25T12:30:00Z"),
                        change("c-at", "normal"),
                        change("c-after", "normal"),
                        change("c-early-review", "normal", "review_completed_at=2026-10-09T10:00:00Z"),
                        change("c-early-review-open", "normal", "review_completed_at=2026-10-26T09:00:00Z"),
                        change("c-on-time", "normal", "review_completed_at=2026-10-17T10:00:00Z")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("rb-dst", "2026-10-20T11:50:00Z", "c-dst", "status=rolled_back",
                                "finished_at=2026-10-20T12:00:00Z"),
                        deployment("rb-at", "2026-10-25T11:50:00Z", "c-at", "status=rolled_back",
                                "finished_at=2026-10-25T12:00:00Z"),
                        deployment("rb-after", "2026-10-25T11:50:00Z", "c-after", "status=rolled_back",
                                "finished_at=2026-10-25T12:00:01Z"),
                        deployment("rb-early", "2026-10-10T09:50:00Z", "c-early-review", "status=rolled_back",
                                "finished_at=2026-10-10T10:00:00Z"),
                        deployment("rb-early-open", "2026-10-26T09:50:00Z", "c-early-review-open",
                                "status=rolled_back", "finished_at=2026-10-26T10:00:00Z"),
                        deployment("rb-on-time", "2026-10-12T09:50:00Z", "c-on-time", "status=rolled_back",
                                "finished_at=2026-10-12T10:00:00Z"),
                        deployment("rb-no-change", "2026-10-14T09:50:00Z", "", "status=rolled_back",
                                "finished_at=2026-10-14T10:00:00Z"),
                        deployment("rb-staging", "2026-10-14T09:50:00Z", "", "status=rolled_back",
                                "environment=staging", "finished_at=2026-10-14T10:00:00Z")));

        long run = fixture.analyze(PERIOD, LONDON, "2026-10-30T12:00:00Z");

        assertThat(fixture.findings(run, "RL14", false)).containsExactly(
                "rb-at|c-at||2026-10-30T12:00:00Z",
                "rb-dst|c-dst||2026-10-25T12:00:00Z",
                "rb-early|c-early-review||2026-10-15T10:00:00Z",
                "rb-no-change|||2026-10-19T10:00:00Z");
        assertThat(fixture.findings(run, "RL14", true)).containsExactly(
                "rb-after|c-after||2026-10-30T12:00:01Z",
                "rb-early-open|c-early-review-open||2026-10-31T10:00:00Z");
    }

    @Test
    void rl15FlagsManualRollbackServicesDeployedWithoutTestEvidence() {
        fixture.load(Kind.CHANGES, csv(CHANGE, change("c1", "standard")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-bare", "2026-10-05T10:00:00Z", "c1", "service=svc-man", "test_evidence="),
                        deployment("d-tested", "2026-10-05T11:00:00Z", "c1", "service=svc-man"),
                        deployment("d-auto", "2026-10-05T12:00:00Z", "c1", "test_evidence=")));

        long run = fixture.analyze(PERIOD, LONDON, null);

        assertThat(fixture.findings(run, "RL15", false)).containsExactly("d-bare|c1||2026-10-05T10:00:00Z");
    }
}
