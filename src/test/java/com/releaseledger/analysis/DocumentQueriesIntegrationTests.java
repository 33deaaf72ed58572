package com.releaseledger.analysis;

import static com.releaseledger.analysis.Rows.CHANGE;
import static com.releaseledger.analysis.Rows.DEPLOYMENT;
import static com.releaseledger.analysis.Rows.INCIDENT;
import static com.releaseledger.analysis.Rows.change;
import static com.releaseledger.analysis.Rows.csv;
import static com.releaseledger.analysis.Rows.deployment;
import static com.releaseledger.analysis.Rows.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestRequest;
import com.releaseledger.ingest.Kind;
import com.releaseledger.kernel.SqlFile;

/**
 * What the documents show beyond the three CSV files, on hand-made ledgers in October 2026 (UTC): registers judged at
 * as_of, stale and open incidents, the budget policy state, postmortem compliance, the population reconciliation,
 * the run's input files, and management responses with repeated findings. Each expected value is worked out from
 * the definitions in the comments; each query is the very file the documents run (sql/reports/).
 */
class DocumentQueriesIntegrationTests extends FixtureIntegrationTest {

    private static final String OCTOBER = "2026-10";
    private static final String UTC = "UTC";

    private AnalysisFixture fixture;

    @BeforeEach
    void services() {
        fixture = fixture(TWO_SERVICES);
    }

    /**
     * Evidence as labelled fields, one a line in key order: a UTC timestamp as a date and time (its fraction
     * dropped), another offset left as it is, a list joined, an empty list or a null "none", other values as written.
     */
    @Test
    void evidenceReadsAsLabelledFields() {
        String text = jdbc.queryForObject("""
                SELECT evidence_text('{"started_at": "2026-10-07T10:44:38+00:00",
                                       "fraction_at": "2026-10-07T10:44:38.123+00:00", "other": null,
                                       "approvers": ["ann", "bob"], "none_of": [], "count": 3, "flag": true,
                                       "local": "2026-10-07T10:44:38+01:00", "bracket": "[x]"}'::jsonb)""",
                String.class);

        assertThat(text).isEqualTo(String.join("\n", "Approvers: ann, bob", "Bracket: [x]", "Count: 3", "Flag: true",
                "Fraction at: 2026-10-07 10:44:38 UTC", "Local: 2026-10-07T10:44:38+01:00", "None of: none",
                "Other: none", "Started at: 2026-10-07 10:44:38 UTC"));
    }

    @Test
    void theEmergencyRegisterJudgesReviewsAtAsOfAsTheFindingsDo() {
        fixture.load(Kind.CHANGES, csv(CHANGE,
                        change("e-in-time", "emergency", "review_completed_at=2026-10-06T10:00:00Z"),
                        change("e-late", "emergency", "review_completed_at=2026-10-09T10:00:00Z"),
                        change("e-never", "emergency"),
                        change("e-after", "emergency", "review_completed_at=2026-10-25T10:00:00Z"),
                        change("e-open", "emergency", "review_completed_at=2026-10-22T10:00:00Z")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-in-time", "2026-10-02T10:00:00Z", "e-in-time"),
                        deployment("d-late", "2026-10-03T10:00:00Z", "e-late"),
                        deployment("d-never", "2026-10-04T10:00:00Z", "e-never"),
                        deployment("d-after", "2026-10-05T10:00:00Z", "e-after"),
                        deployment("d-open", "2026-10-18T10:00:00Z", "e-open")));

        long run = fixture.analyze(OCTOBER, UTC, "2026-10-20T12:00:00Z");

        // due = first deployment + 5 x 24 h; as_of 20 Oct 12:00. e-in-time: reviewed 6 Oct, due 7 Oct. e-late:
        // reviewed 9 Oct, due 8 Oct. e-never: due 9 Oct, never. e-after: due 10 Oct; its review on 25 Oct is after
        // as_of, so at as_of it is not reviewed (it counted as "reviewed late" before). e-open: due 23 Oct, after
        // as_of, and its review (22 Oct) is after as_of too: an open obligation, as its pending item says.
        assertThat(rows("register_emergency_changes.sql", run)).extracting(
                row -> row.get("change_id") + " " + row.get("review") + " " + instant(row.get("reviewed_by_as_of")))
                .containsExactly(
                        "e-in-time reviewed in time 2026-10-06T10:00:00Z",
                        "e-late reviewed late 2026-10-09T10:00:00Z",
                        "e-never not reviewed by the deadline null",
                        "e-after not reviewed by the deadline null",
                        "e-open open: review due after as_of null");
        assertThat(fixture.findings(run, "RL09", true)).containsExactly("d-open|e-open||2026-10-23T10:00:00Z");
    }

    @Test
    void anIncidentOpenAtThePeriodEndLongAfterItStartedIsAStaleDataQualityItem() {
        fixture.load(Kind.INCIDENTS, csv(INCIDENT,
                incident("i-stale", "2026-10-24T23:59:59Z", ""),
                incident("i-fresh", "2026-10-25T00:00:00Z", ""),
                incident("i-late-fix", "2026-10-10T10:00:00Z", "2026-11-02T10:00:00Z"),
                incident("i-fixed", "2026-10-10T10:00:00Z", "2026-10-12T10:00:00Z"),
                incident("i-old", "2026-05-01T10:00:00Z", "", "customer_impact=false")));

        long run = fixture.analyze(OCTOBER, UTC, null);

        // stale: open at the period end (1 Nov 00:00) and started more than 7 x 24 h before it, before 25 Oct 00:00.
        // i-fresh started exactly seven days before: not more. i-late-fix was resolved after the end: open at it.
        assertThat(fixture.dataQuality(run)).filteredOn(item -> item.get("category").equals("stale_incident"))
                .extracting(item -> item.get("record_id")).containsExactly("i-late-fix", "i-old", "i-stale");
        assertThat(fixture.dataQuality(run)).filteredOn(item -> "i-old".equals(item.get("record_id")))
                .singleElement().satisfies(item -> assertThat((String) item.get("detail"))
                        .contains("open since 2026-05-01 10:00 UTC", "no customer impact"));
    }

    @Test
    void theBudgetSaysWhatOpenIncidentsSpentAndWhatWasReleasedOnceItWasExhausted() {
        fixture.load(Kind.SERVICES, "service,team,slo_target\nsvc,team-1,99.9\n")
                .load(Kind.CHANGES, csv(CHANGE, change("c1", "standard"), change("e1", "emergency")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-before", "2026-10-31T23:10:00Z", "c1"),
                        deployment("d-normal", "2026-10-31T23:20:00Z", "c1"),
                        deployment("d-hotfix", "2026-10-31T23:30:00Z", "c1", "is_hotfix=true"),
                        deployment("d-emergency", "2026-10-31T23:40:00Z", "e1")))
                .load(Kind.INCIDENTS, csv(INCIDENT,
                        incident("i1", "2026-10-05T10:00:00Z", "2026-10-05T10:30:00Z"),
                        incident("i2", "2026-10-31T23:00:00Z", "")));

        long run = fixture.analyze(OCTOBER, UTC, null);

        // 99.9 % of 44,640 minutes allows 44.64. i1 spends 30; i2, open, the last 60 of the period: 90 in all, 60 of
        // them from an incident open at the end. The allowance is reached 14.64 minutes into i2: 23:14:38.4.
        // Released from then on: d-normal, d-hotfix, d-emergency (d-before at 23:10 came earlier); the hotfix and
        // the emergency change are allowed, d-normal is RL13's.
        Map<String, Object> budget = rows("budget_services.sql", run).get(0);
        assertThat((BigDecimal) budget.get("consumed_minutes")).isEqualByComparingTo("90");
        assertThat((BigDecimal) budget.get("consumed_by_open_incidents_minutes")).isEqualByComparingTo("60");
        assertThat(budget.get("incidents_open_at_period_end")).isEqualTo(1);
        assertThat(budget.get("policy_state")).isEqualTo("exhausted since 2026-10-31 23:14 UTC");
        assertThat(List.of(budget.get("released_while_exhausted"), budget.get("of_which_emergency_or_hotfix"),
                budget.get("of_which_not_allowed_rl13"))).containsExactly(3, 2, 1);
        assertThat(fixture.findings(run, "RL13", false)).containsExactly("d-normal|c1||2026-10-31T23:20:00Z");
        assertThat(budget.get("change_in_remaining_pct")).isNull(); // no earlier period analysed yet
        assertThat(rows("budget_incidents.sql", run)).extracting(row -> row.get("incident_id") + " " + row.get("state"))
                .containsExactly("i1 resolved", "i2 open since 2026-10-31 23:00 UTC");

        // the burn-down of the service with the least left (rank 1): its real value below zero, never clipped, at
        // the end of 31 October, and the ideal burn reaching 0 there (after 5 October: 30 of 44.64 spent)
        List<Map<String, Object>> burndown = new NamedParameterJdbcTemplate(jdbc).queryForList(SqlFile
                .load("reports/pdf_budget_burndown.sql").text().replace(":rank", "1"), Map.of("run_id", run));
        assertThat(burndown).hasSize(62); // 31 days of the service, 31 of the ideal burn
        assertThat(burndown.get(4)).containsEntry("series", "svc").containsEntry("day", "5");
        assertThat((Double) burndown.get(4).get("remaining_pct")).isEqualTo((44.64 - 30) / 44.64 * 100, within(1e-9));
        assertThat((Double) burndown.get(30).get("remaining_pct")).isEqualTo((44.64 - 90) / 44.64 * 100, within(1e-9));
        assertThat(burndown.get(61)).containsEntry("series", "ideal burn").containsEntry("remaining_pct", 0.0);

        // with the trend runs, the change against September (no downtime: 100 % left): (44.64 - 90) / 44.64 x 100
        // = -101.612903 % left, 201.612903 points fewer
        analysis.analyzeTrendPeriods(run, new AnalysisRequest("test",
                ReportingPeriod.parse(OCTOBER, ZoneId.of(UTC)), null, Policy.defaults()));
        Map<String, Object> again = rows("budget_services.sql", run).get(0);
        assertThat(((BigDecimal) again.get("previous_period_remaining_pct")).doubleValue()).isEqualTo(100.0);
        assertThat(((BigDecimal) again.get("change_in_remaining_pct")).doubleValue())
                .isEqualTo(-201.612903, within(1e-6));
    }

    @Test
    void postmortemComplianceIsTheShareOnTimeOfThoseDueInThePeriodByAsOf() {
        fixture.load(Kind.INCIDENTS, csv(INCIDENT,
                incident("p-on-time", "2026-10-01T09:00:00Z", "2026-10-01T10:00:00Z", "severity=1",
                        "postmortem_at=2026-10-05T10:00:00Z"),
                incident("p-late", "2026-10-02T09:00:00Z", "2026-10-02T10:00:00Z", "severity=2",
                        "postmortem_at=2026-10-13T10:00:00Z"),
                incident("p-none", "2026-10-03T09:00:00Z", "2026-10-03T10:00:00Z", "severity=2"),
                incident("p-after-as-of", "2026-10-13T23:00:00Z", "2026-10-14T00:00:00Z", "severity=1",
                        "postmortem_at=2026-10-26T00:00:00Z"),
                incident("p-pending", "2026-10-20T09:00:00Z", "2026-10-20T10:00:00Z", "severity=1"),
                incident("p-sev3", "2026-10-03T09:00:00Z", "2026-10-03T10:00:00Z", "severity=3"),
                incident("p-september", "2026-09-10T09:00:00Z", "2026-09-10T10:00:00Z", "severity=1")));

        long run = fixture.analyze(OCTOBER, UTC, "2026-10-25T00:00:00Z");

        // due = resolved + 10 x 24 h. In October by as_of (25 Oct): p-on-time (due 11 Oct, done 5 Oct), p-late (due
        // 12 Oct, done 13 Oct), p-none (due 13 Oct), p-after-as-of (due 24 Oct; done 26 Oct, after as_of: none by
        // then). p-pending is due 30 Oct, after as_of. p-sev3 needs none; p-september was due in September.
        List<Map<String, Object>> rows = rows("budget_postmortems.sql", run);
        assertThat(rows).extracting(row -> row.get("incident_id") + " " + row.get("state")).containsExactly(
                "p-none overdue: none by as_of", "p-after-as-of overdue: none by as_of", "p-late overdue: late",
                "p-on-time on time", "p-pending due after as_of");
        assertThat(rows.get(0)).containsEntry("due_in_period", 4L).containsEntry("on_time", 1L)
                .containsEntry("due_after_as_of", 1L);
        assertThat((BigDecimal) rows.get(0).get("compliance_rate")).isEqualByComparingTo("0.25");
        // RL11 agrees: three overdue, one pending
        assertThat(fixture.findings(run, "RL11", false)).hasSize(3);
        assertThat(fixture.findings(run, "RL11", true)).hasSize(1);
    }

    @Test
    void theReconciliationTiesTheFilesRowsToTheTestedPopulationAndTheInputsAreTheRunsOwn() throws IOException {
        fixture.load(Kind.CHANGES, csv(CHANGE, change("c2", "standard")));
        Path first = Files.writeString(dir.resolve("deployments-a.csv"), csv(DEPLOYMENT,
                deployment("d1", "2026-10-05T10:00:00Z", "c1"),
                deployment("d2", "2026-10-06T10:00:00Z", "c2"),
                deployment("d3", "2026-10-07T10:00:00Z", "", "environment=staging"),
                deployment("d4", "2026-10-08T10:00:00Z", "", "status=cancelled"),
                deployment("d5", "2026-09-10T10:00:00Z", ""),
                deployment("d6", "2026-09-30T23:55:00Z", "")) + "d-bad,svc,production,done,2026-10-09T10:00:00Z,,,,,,\n");
        assertThat(ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, first)).rejected()).isEqualTo(1);
        // d1 sent again as it was (a duplicate row), d2 corrected (a new version)
        fixture.load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                deployment("d1", "2026-10-05T10:00:00Z", "c1"),
                deployment("d2", "2026-10-06T10:00:00Z", "c2", "deployed_by=alice")));
        // the first file registered again, byte for byte: skipped, it supplies nothing
        Path again = Files.copy(first, dir.resolve("deployments-a-again.csv"));
        assertThat(ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, again)).outcome())
                .isNotEqualTo(FileReport.Outcome.LOADED);

        long run = fixture.analyze(OCTOBER, UTC, null);

        // read 7 + 2; 1 rejected; 1 duplicate; 7 versions of 6 ids; d5 is September's; d3 staging; d4 cancelled;
        // d6 started before the period (finished in it); the tested are d1 and d2, which name c1 (no such change)
        // and c2; PD: d1, d2, d6
        assertThat(rows("audit_reconciliation.sql", run)).extracting(
                row -> row.get("step_no") + " " + row.get("records") + " " + row.get("removed")).containsExactly(
                "1 9 null", "2 8 1", "3 7 1", "4 6 1", "5 5 1", "6 4 1", "7 3 1", "8 2 1", "9 3 null",
                "10 1 null", "11 1 0", "12 2 null", "13 1 1", "14 0 null", "15 0 0", "16 0 0");

        // the run's input files: services (2 records), changes (c2), the first deployment file (the latest d1, d3,
        // d4, d5, d6) and the second (d2); not the registration that was skipped
        assertThat(rows("audit_inputs.sql", run)).extracting(
                row -> Path.of((String) row.get("path")).getFileName() + " " + row.get("records_used_by_run"))
                .containsExactly("services-1.csv 2", "changes-2.csv 1", "deployments-a.csv 5", "deployments-3.csv 1");
        assertThat(rows("pdf_audit_inputs.sql", run)).allSatisfy(
                row -> assertThat(row.get("skipped_registrations")).isEqualTo(1L));
    }

    @Test
    void aResponseNamesItsFindingAndAFindingOfThePreviousPeriodIsMarkedRepeatedWithItsEarlierResponse() {
        String header = "rule_id,deployment_id,change_id,incident_id,owner,response,remediation_due\n";
        fixture.load(Kind.DEPLOYMENTS, csv(DEPLOYMENT, deployment("d-moved", "2026-09-29T10:00:00Z", "")))
                .load(Kind.RESPONSES, header
                        + "RL01,d-moved,,,Ops Lead,Change raised retrospectively,2026-10-15T00:00:00Z\n");
        long september = fixture.analyze("2026-09", UTC, null);
        assertThat(jdbc.queryForList("SELECT owner, response FROM finding WHERE run_id = ? AND rule_id = 'RL01'",
                september)).containsExactly(Map.of("owner", "Ops Lead", "response", "Change raised retrospectively"));

        // the deployment's start corrected into October: October finds it again; the response is sent again, with
        // another text (a new version of the same key), and one response names a finding that does not exist
        fixture.load(Kind.DEPLOYMENTS, csv(DEPLOYMENT, deployment("d-moved", "2026-10-02T10:00:00Z", "")))
                .load(Kind.RESPONSES, header + "RL01,d-moved,,,Ops Lead,Tooling fixed,2026-11-15T00:00:00Z\n"
                        + "RL02,d-nothing,c-x,,Someone,Not ours,\n");
        long october = fixture.analyze(OCTOBER, UTC, null);

        Map<String, Object> finding = jdbc.queryForMap("SELECT owner, response, remediation_due, repeated,"
                + " previous_response FROM finding WHERE run_id = ? AND rule_id = 'RL01'", october);
        assertThat(finding).containsEntry("owner", "Ops Lead").containsEntry("response", "Tooling fixed")
                .containsEntry("repeated", true).containsEntry("previous_response", "Change raised retrospectively");
        assertThat(instant(finding.get("remediation_due"))).isEqualTo("2026-11-15T00:00:00Z");
        // the response that matches nothing is listed, not lost
        assertThat(fixture.dataQuality(october)).filteredOn(item -> item.get("category").equals("unmatched_response"))
                .extracting(item -> item.get("record_id")).containsExactly("RL02 d-nothing c-x");
        assertThat(rows("audit_findings.sql", october)).singleElement().satisfies(row -> {
            assertThat(row.get("control")).isEqualTo("Every deployment has a change");
            assertThat(row.get("management_response")).isEqualTo("Tooling fixed");
            assertThat((String) row.get("evidence")).contains("Reason: the deployment names no change",
                    "Started at: 2026-10-02 10:00:00 UTC");
        });
    }

    @Test
    void rl12sEvidenceNamesWhatFailedTheDeploymentStatusOrTheLinkedIncidents() {
        fixture.load(Kind.CHANGES, csv(CHANGE, change("c-fail", "standard", "outcome=successful"),
                        change("c-inc", "standard", "outcome=successful")))
                .load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                        deployment("d-fail", "2026-10-05T10:00:00Z", "c-fail", "status=failed"),
                        deployment("d-inc", "2026-10-06T10:00:00Z", "c-inc")))
                .load(Kind.INCIDENTS, csv(INCIDENT,
                        incident("i-b", "2026-10-06T11:00:00Z", "2026-10-06T12:00:00Z", "caused_by_deployment_id=d-inc"),
                        incident("i-a", "2026-10-06T13:00:00Z", "2026-10-06T14:00:00Z", "caused_by_change_id=c-inc")));

        long run = fixture.analyze(OCTOBER, UTC, null);

        // c-fail: its deployment failed (no incident); c-inc: d-inc succeeded, so what failed is the two incidents
        // linked to it (i-b by its deployment id, i-a by its change id: d-inc is c-inc's latest live deployment)
        assertThat(rows("audit_findings.sql", run)).filteredOn(row -> row.get("rule_id").equals("RL12"))
                .extracting(row -> row.get("change_id") + ": " + row.get("evidence")).containsExactly(
                        "c-fail: Change outcome: successful\nDeployment status: failed\nLinked incidents: none",
                        "c-inc: Change outcome: successful\nDeployment status: succeeded\nLinked incidents: i-a, i-b");
    }

    private List<Map<String, Object>> rows(String reportFile, long run) {
        return new NamedParameterJdbcTemplate(jdbc).queryForList(SqlFile.load("reports/" + reportFile).text(),
                Map.of("run_id", run));
    }

    private static String instant(Object timestamp) {
        return timestamp == null ? "null" : ((Timestamp) timestamp).toInstant().toString();
    }

}
