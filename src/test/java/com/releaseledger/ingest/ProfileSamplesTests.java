package com.releaseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each shipped profile reads its sample export ({@code src/test/resources/profiles/}, copies of
 * {@code ../shared/profiles/}) into the canonical records worked out by hand from PROFILES.md and DESIGN.md 2.5-2.7,
 * field by field, after validation (times in UTC). Local times are read in the zone the samples' README gives
 * (Europe/Berlin for ServiceNow, Europe/London for Jira); on 25 October 2026 the hour before 03:00 (Berlin) and
 * before 02:00 (London) occurs twice, and such a time is the earlier instant (DESIGN.md section 2).
 */
class ProfileSamplesTests {

    private static final Path SAMPLES = Path.of("src/test/resources/profiles");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void servicenowChangeWithFieldNameHeadersAndDisplayValues() throws IOException {
        assertThat(rows("servicenow-change", "servicenow-change.csv", BERLIN, Map.of())).containsExactly(
                // state Closed, approval Approved; opened_at (not sys_created_on) is created_at; CEST is UTC+2
                "change_id=CHG0031001 type=normal risk=high service=Payments status=closed requested_by=Dana Lee"
                        + " created_at=2026-10-01T07:12:44Z title=Upgrade payments API to 4.2 scope=application"
                        + " planned_start=2026-10-03T12:00:00Z planned_end=2026-10-03T14:00:00Z"
                        + " implemented_by=Omar Khan outcome=successful review_completed_at=2026-10-06T08:00:00Z",
                // Review -> implemented, Moderate -> medium, Network -> infrastructure, "Successful with issues"
                "change_id=CHG0031002 type=emergency risk=medium service=Edge Gateway status=implemented"
                        + " requested_by=Omar Khan created_at=2026-10-05T00:10:00Z title=Hotfix TLS cert on edge"
                        + " scope=infrastructure implemented_by=Omar Khan outcome=successful",
                // approval Rejected wins over state New
                "change_id=CHG0031003 type=normal risk=low service=Orders status=rejected requested_by=Priya Rao"
                        + " created_at=2026-10-06T09:00:00Z title=Resize orders DB scope=database"
                        + " planned_start=2026-10-09T18:00:00Z planned_end=2026-10-09T20:00:00Z",
                // no business_service: cmdb_ci; no opened_at: sys_created_on; Standard: pre_approved
                "change_id=CHG0031004 type=standard risk=low service=search-es-prod-03 status=approved"
                        + " requested_by=Lena Park created_at=2026-10-20T06:00:00Z title=Rotate search cluster nodes"
                        + " scope=infrastructure approval_type=pre_approved planned_start=2026-10-21T07:00:00Z"
                        + " planned_end=2026-10-21T09:00:00Z implemented_by=Ken Thompson",
                // Very High -> critical; Documentation has no scope (fallback); 02:30 on 25 October is CEST
                "change_id=CHG0031005 type=normal risk=critical service=Ledger status=approved requested_by=Mike Ross"
                        + " created_at=2026-10-19T14:45:10Z title=Night maintenance: ledger index rebuild"
                        + " planned_start=2026-10-24T23:30:00Z planned_end=2026-10-25T00:30:00Z"
                        + " implemented_by=Nora Quinn",
                "REJECTED line 8: risk \"-- None --\" (column risk / Risk) is not in the map of profile"
                        + " servicenow-change: expected one of [very high, 1, high, 2, moderate, 3, low, 4] or a"
                        + " canonical value [low, medium, high, critical]");
    }

    @Test
    void servicenowChangeWithLabelHeadersAndRawValuesGivesTheSameShapeOfRecords() throws IOException {
        assertThat(rows("servicenow-change", "servicenow-change-labels.csv", BERLIN, Map.of())).containsExactly(
                // raw state 3 closed, risk 2 high
                "change_id=CHG0032001 type=normal risk=high service=Catalog status=closed requested_by=Alice Smith"
                        + " created_at=2026-10-02T06:00:00Z title=Add read replica for catalog scope=database"
                        + " planned_start=2026-10-08T17:00:00Z planned_end=2026-10-08T19:00:00Z"
                        + " implemented_by=Bob Jones outcome=successful review_completed_at=2026-10-09T07:30:00Z",
                // state 0 -> implemented, risk 1 -> critical, close code successful_issues -> successful
                "change_id=CHG0032002 type=emergency risk=critical service=Checkout status=implemented"
                        + " requested_by=Carol White created_at=2026-10-14T20:10:00Z title=Emergency patch for checkout"
                        + " scope=application implemented_by=Carol White outcome=successful",
                // approval rejected (raw) over state -5
                "change_id=CHG0032003 type=normal risk=medium service=Shipping status=rejected requested_by=Dan Brown"
                        + " created_at=2026-10-16T08:00:00Z title=Upgrade shipping label service scope=application"
                        + " planned_start=2026-10-20T16:00:00Z planned_end=2026-10-20T17:00:00Z",
                // Service empty: Configuration item; the window in the repeated hour: CEST
                "change_id=CHG0032004 type=standard risk=low service=fw-core-01 status=approved"
                        + " requested_by=Frank Miller created_at=2026-10-18T07:00:00Z"
                        + " title=Quarterly firewall rule review scope=infrastructure approval_type=pre_approved"
                        + " planned_start=2026-10-25T00:15:00Z planned_end=2026-10-25T00:45:00Z"
                        + " implemented_by=Grace Hopper",
                "REJECTED line 6: risk \"5\" (column risk / Risk) is not in the map of profile servicenow-change:"
                        + " expected one of [very high, 1, high, 2, moderate, 3, low, 4] or a canonical value"
                        + " [low, medium, high, critical]",
                // approval "not requested" is not Rejected: state 4 cancelled; unsuccessful -> failed
                "change_id=CHG0032006 type=normal risk=medium service=Pricing status=cancelled"
                        + " requested_by=Judy Garland created_at=2026-10-22T09:11:11Z title=Rollback pricing rules"
                        + " scope=application outcome=failed review_completed_at=2026-10-22T10:00:00Z");
    }

    @Test
    void servicenowApprovalsWithCabGroupsAndNoDecisionTimeForRowsNotDecided() throws IOException {
        assertThat(rows("servicenow-approval", "servicenow-approval.csv", BERLIN, Map.of())).containsExactly(
                "approval_id=6f1c2a0b1b7d4e10a3c4d5e6f7081920 change_id=CHG0031001 approver=Maria Gomez"
                        + " decision=approved decided_at=2026-10-02T14:20:13Z group=CAB approval_type=cab",
                "approval_id=7a2d3b1c2c8e5f21b4d5e6f708192a31 change_id=CHG0031001 approver=Dana Lee"
                        + " decision=approved decided_at=2026-10-01T08:30:45Z group=Payments Eng"
                        + " approval_type=delegated",
                // No Longer Required -> cancelled, no decision time
                "approval_id=8b3e4c2d3d9f6032c5e6f708192a3b42 change_id=CHG0031001 approver=Quentin Blake"
                        + " decision=cancelled group=Payments Eng approval_type=delegated",
                // "Emergency CAB" holds the word CAB
                "approval_id=9c4f5d3e4ea07143d6f708192a3b4c53 change_id=CHG0031002 approver=Rosa Diaz"
                        + " decision=approved decided_at=2026-10-05T00:15:30Z group=Emergency CAB approval_type=cab",
                "approval_id=ad506e4f5fb18254e708192a3b4c5d64 change_id=CHG0031003 approver=Maria Gomez"
                        + " decision=rejected decided_at=2026-10-07T07:00:00Z group=CAB approval_type=cab",
                "approval_id=be617f506fc29365f8192a3b4c5d6e75 change_id=CHG0031003 approver=Paula Reyes"
                        + " decision=approved decided_at=2026-10-06T13:42:10Z group=DBA approval_type=delegated",
                "approval_id=cf7280617fd3a476092a3b4c5d6e7f86 change_id=CHG0031005 approver=Maria Gomez"
                        + " decision=requested group=Change Advisory Board approval_type=cab",
                "REJECTED line 11: decision \"Duplicate\" (column state / State) is not in the map of profile"
                        + " servicenow-approval: expected one of [approved, rejected, requested, not yet requested,"
                        + " not requested, cancelled, no longer required, not_required] or a canonical value"
                        + " [approved, rejected, requested, cancelled]");
    }

    @Test
    void servicenowIncidentsWithPrioritiesAndAClockChange() throws IOException {
        assertThat(rows("servicenow-incident", "servicenow-incident.csv", BERLIN, Map.of())).containsExactly(
                "incident_id=INC0042001 service=Payments severity=1 started_at=2026-10-03T13:02:10Z"
                        + " detected_at=2026-10-03T13:02:10Z resolved_at=2026-10-03T14:10:00Z"
                        + " caused_by_change_id=CHG0031001 customer_impact=true title=Payments 5xx spike",
                "incident_id=INC0042002 service=Orders severity=3 started_at=2026-10-07T06:00:00Z"
                        + " detected_at=2026-10-07T06:00:00Z resolved_at=2026-10-07T10:30:00Z customer_impact=true"
                        + " title=Slow order search",
                // unresolved: no resolved_at
                "incident_id=INC0042003 service=Edge Gateway severity=2 started_at=2026-10-07T23:00:00Z"
                        + " detected_at=2026-10-07T23:00:00Z caused_by_change_id=CHG0031002 customer_impact=true"
                        + " title=Edge TLS errors",
                // 02:30 on 25 October in Berlin is the first (CEST) one; 04:00 is CET
                "incident_id=INC0042004 service=ledger-pg-prod severity=4 started_at=2026-10-25T00:30:00Z"
                        + " detected_at=2026-10-25T00:30:00Z resolved_at=2026-10-25T03:00:00Z customer_impact=true"
                        + " title=Ledger batch late after clock change",
                // 5 - Planning -> 4
                "incident_id=INC0042005 service=Notify severity=4 started_at=2026-10-12T07:00:00Z"
                        + " detected_at=2026-10-12T07:00:00Z resolved_at=2026-10-12T07:20:00Z customer_impact=true"
                        + " title=Typo on status page",
                "REJECTED line 7: severity \"P2\" (column priority / Priority) is not in the map of profile"
                        + " servicenow-incident: expected one of [1 - critical, 2 - high, 3 - moderate, 4 - low,"
                        + " 5 - planning, 5]");
    }

    @Test
    void jsmChangesWithRepeatedHeadersEnglishMonthsAndTheRepeatedHour() throws IOException {
        List<String> rows = rows("jsm-change", "jsm-change.csv", LONDON, Map.of());
        assertThat(rows).hasSize(6);
        // the first of the two Affected services columns; 01 Oct 9:12 AM BST
        assertThat(rows.get(0)).startsWith("change_id=ITCM-101 type=normal risk=high service=Checkout")
                .contains("created_at=2026-10-01T08:12:00Z", "status=implemented", "outcome=successful");
        assertThat(rows.get(2)).contains("change_id=ITCM-103", "status=rejected",
                "planned_start=2026-10-09T19:00:00Z");
        // Failed: implemented and outcome failed; no affected service: the first component; 01:30 and 1:55 AM on
        // 25 October are the first (BST) ones
        assertThat(rows.get(3)).contains("change_id=ITCM-104", "service=Ledger", "status=implemented",
                "planned_start=2026-10-25T00:30:00Z", "outcome=failed", "review_completed_at=2026-10-25T00:55:00Z");
        // Standard: pre_approved; Won't Do is no outcome
        assertThat(rows.get(4)).contains("change_id=ITCM-105", "type=standard", "approval_type=pre_approved")
                .doesNotContain("outcome=");
        assertThat(rows.get(5)).startsWith("REJECTED line 7: status \"Peer review\" (column Status) is not in the"
                + " map of profile jsm-change");
    }

    @Test
    void jsmApprovalsMakeOneRecordPerApproverOfEachApprovalOfALine() throws IOException {
        assertThat(rows("jsm-approval", "jsm-approval.jsonl", UTC, Map.of())).containsExactly(
                // ITCM-101: two approvals, the second (CAB) with two approvers, one without an account id
                "approval_id=ITCM-101/7/5b10ac8d82e05b22cc7d4ef6 change_id=ITCM-101 approver=Maria Gomez"
                        + " decision=approved decided_at=2026-10-02T15:20:13Z group=Change manager approval"
                        + " approval_type=delegated",
                "approval_id=ITCM-101/11/5b10a2844c20165700ede21g change_id=ITCM-101 approver=Dana Lee"
                        + " decision=approved decided_at=2026-10-03T08:05:00Z group=CAB approval_type=cab",
                "approval_id=ITCM-101/11/Rosa Diaz change_id=ITCM-101 approver=Rosa Diaz decision=approved"
                        + " decided_at=2026-10-03T08:05:00Z group=CAB approval_type=cab",
                // ITCM-102: the Emergency CAB approval is still pending (no completedDate): Maria Gomez approved
                // without a time, Paula Reyes is asked
                "approval_id=ITCM-102/8/5b10ac8d82e05b22cc7d4ef6 change_id=ITCM-102 approver=Maria Gomez"
                        + " decision=approved group=Emergency CAB approval_type=cab",
                "approval_id=ITCM-102/8/63d7fb04182930415263748b change_id=ITCM-102 approver=Paula Reyes"
                        + " decision=requested group=Emergency CAB approval_type=cab",
                "approval_id=ITCM-103/9/5b10ac8d82e05b22cc7d4ef6 change_id=ITCM-103 approver=Maria Gomez"
                        + " decision=rejected decided_at=2026-10-07T08:00:00Z group=Change Advisory Board"
                        + " approval_type=cab",
                // ITCM-104: declined in a first peer review, approved in a second one (same name) a day later
                "approval_id=ITCM-104/12/64e80c15293041526374859c change_id=ITCM-104 approver=Ivan Petrov"
                        + " decision=rejected decided_at=2026-10-20T07:00:00Z group=Peer review"
                        + " approval_type=delegated",
                "approval_id=ITCM-104/13/5e2a6b9c3d4e5f6071829304 change_id=ITCM-104 approver=Mike Ross"
                        + " decision=approved decided_at=2026-10-21T09:30:00Z group=Peer review"
                        + " approval_type=delegated",
                // ITCM-107 is not among the changes: the record loads (an orphan for the data-quality register)
                "approval_id=ITCM-107/14/Maria Gomez change_id=ITCM-107 approver=Maria Gomez decision=approved"
                        + " decided_at=2026-10-22T10:00:00Z group=CAB approval_type=cab");
    }

    @Test
    void jsmIncidentsTakeTheSeverityFieldElseThePriorityNeverFallingBackFromAnUnmappedSeverity() throws IOException {
        List<String> rows = rows("jsm-incident", "jsm-incident.csv", LONDON, Map.of());
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).contains("incident_id=ITSM-2001", "severity=1", "acknowledged_at=2026-10-03T14:06:40.120Z");
        assertThat(rows.get(1)).contains("incident_id=ITSM-2002", "severity=3", "acknowledged_at=2026-10-07T07:20:00Z")
                .doesNotContain("resolved_at");
        assertThat(rows.get(2)).contains("incident_id=ITSM-2003", "service=Ledger", "started_at=2026-10-25T00:30:00Z");
        assertThat(rows.get(3)).contains("incident_id=ITSM-2004", "severity=2");
        assertThat(rows.get(4)).startsWith("REJECTED line 6: severity \"Minor\" (column Custom field (Severity))");
    }

    @Test
    void pagerdutyIncidentsFromAnApiPage() throws IOException {
        assertThat(rows("pagerduty-incident", "pagerduty-incident.json", UTC, Map.of())).containsExactly(
                "incident_id=Q1ABCDEF2GHIJK service=Payments severity=1 started_at=2026-10-03T13:02:10Z"
                        + " detected_at=2026-10-03T13:02:10Z resolved_at=2026-10-03T14:10:00Z customer_impact=true"
                        + " title=Payments 5xx > 5%",
                // two acknowledgements, the later listed first: the earliest
                "incident_id=Q2BCDEFG3HIJKL service=Orders severity=3 started_at=2026-10-07T06:00:00Z"
                        + " detected_at=2026-10-07T06:00:00Z acknowledged_at=2026-10-07T06:20:00Z"
                        + " customer_impact=true title=Orders latency",
                // priority null: urgency high -> 2
                "incident_id=Q3CDEFGH4IJKLM service=Edge Gateway severity=2 started_at=2026-10-07T23:00:00Z"
                        + " detected_at=2026-10-07T23:00:00Z customer_impact=true title=Edge TLS handshake errors",
                // P5 -> 4, +02:00 offsets
                "incident_id=Q4DEFGHI5JKLMN service=Notify severity=4 started_at=2026-10-12T07:00:00Z"
                        + " detected_at=2026-10-12T07:00:00Z resolved_at=2026-10-12T08:45:00Z customer_impact=true"
                        + " title=Notify e-mails delayed",
                "REJECTED line 72: severity \"SEV-1\" (path $.priority.summary) is not in the map of profile"
                        + " pagerduty-incident: expected one of [p1, p2, p3, p4, p5]");
    }

    @Test
    void pagerdutyIncidentsAsJsonLinesGiveTheSameRecords(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        // the page's records one a line, as a tool that pages the API for you writes them
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        StringBuilder lines = new StringBuilder();
        json.readTree(SAMPLES.resolve("pagerduty-incident.json").toFile()).get("incidents")
                .forEach(record -> lines.append(json.writeValueAsString(record)).append('\n'));
        Path jsonl = Files.writeString(dir.resolve("incidents.jsonl"), lines);

        List<String> page = rows("pagerduty-incident", "pagerduty-incident.json", UTC, Map.of());
        List<String> perLine = rows(Profile.shipped("pagerduty-incident"), jsonl, UTC, Map.of());

        assertThat(perLine).hasSize(5).containsExactlyElementsOf(page.stream()
                .map(row -> row.replace("REJECTED line 72:", "REJECTED line 5:")).toList());
    }

    @Test
    void pagerdutyAnalyticsAddsTheSecondsToFirstAcknowledgement() throws IOException {
        List<String> rows = rows("pagerduty-analytics", "pagerduty-analytics.json", UTC, Map.of());
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).contains("incident_id=Q1ABCDEF2GHIJK", "acknowledged_at=2026-10-03T13:06:40Z");
        // seconds_to_first_ack null: no acknowledgement
        assertThat(rows.get(2)).contains("incident_id=Q3CDEFGH4IJKLM", "severity=2").doesNotContain("acknowledged_at");
        // 02:30+01:00 on 25 October is 01:30 UTC, the second 02:30 of the night in Paris
        assertThat(rows.get(3)).contains("incident_id=Q6FGHIJK7LMNOP", "started_at=2026-10-25T01:30:00Z",
                "acknowledged_at=2026-10-25T01:31:35Z");
        assertThat(rows.get(4)).startsWith("REJECTED line 7: severity \"P0 - Outage\"");
    }

    @Test
    void githubDeploymentsFromTheirStatusesAndPayload() throws IOException {
        assertThat(rows("github-deployment", "github-deployment.jsonl", UTC, Map.of("service", "Ledger")))
                .containsExactly(
                        // latest status inactive (after success): succeeded; finished at the success
                        "deployment_id=90001 service=Payments environment=production status=succeeded"
                                + " started_at=2026-10-03T12:05:11Z finished_at=2026-10-03T12:41:02Z"
                                + " change_id=CHG0031001 version=v4.2.0"
                                + " commit_sha=3f2a9c1e0b7d4a5f8e6c2b1a0d9e8f7a6b5c4d3e deployed_by=deploy-bot"
                                + " first_commit_at=2026-10-01T16:40:00Z strategy=canary is_hotfix=false"
                                + " test_evidence=https://github.com/acme/payments/actions/runs/8812",
                        // in_progress and failure in the same second: the greater status id (failure) is latest
                        "deployment_id=90002 service=Edge Gateway environment=production status=failed"
                                + " started_at=2026-10-05T00:20:00Z finished_at=2026-10-05T00:26:00Z"
                                + " change_id=CHG0031002 version=hotfix/tls"
                                + " commit_sha=9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d deployed_by=okhan"
                                + " is_hotfix=true",
                        // no payload.service: the job source's constant
                        "deployment_id=90003 service=Ledger environment=staging status=succeeded"
                                + " started_at=2026-10-06T09:00:00Z finished_at=2026-10-06T09:04:00Z version=main"
                                + " commit_sha=1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d deployed_by=deploy-bot"
                                + " is_hotfix=false",
                        // payload.status rolled_back wins over the latest status; payload.version over ref
                        "deployment_id=90004 service=Payments environment=production status=rolled_back"
                                + " started_at=2026-10-05T07:30:00Z finished_at=2026-10-05T07:45:00Z"
                                + " change_id=CHG0031001 version=4.2.1"
                                + " commit_sha=5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d region=eu-west-1"
                                + " deployed_by=deploy-bot is_hotfix=false",
                        "deployment_id=90005 service=Payments environment=production status=succeeded"
                                + " started_at=2026-10-05T07:50:00Z finished_at=2026-10-05T07:58:30Z"
                                + " change_id=CHG0031001 version=v4.2.0"
                                + " commit_sha=3f2a9c1e0b7d4a5f8e6c2b1a0d9e8f7a6b5c4d3e deployed_by=dlee"
                                + " rollback_of=90004 is_hotfix=false",
                        // payload as a JSON string; no statuses yet: in progress, no finish
                        "deployment_id=90006 service=Ledger environment=production status=in_progress"
                                + " started_at=2026-10-25T00:40:00Z change_id=CHG0031005 version=v9.1.0"
                                + " commit_sha=7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f deployed_by=ci-runner"
                                + " is_hotfix=false");
    }

    @Test
    void gitlabDeploymentsPreferTheirJobsTimes() throws IOException {
        List<String> rows = rows("gitlab-deployment", "gitlab-deployment.json", UTC, Map.of("service", "Checkout"));
        assertThat(rows).hasSize(6);
        // deployable.started_at/finished_at, not the deployment's own created_at/finished_at
        assertThat(rows.get(0)).isEqualTo("deployment_id=501 service=Checkout environment=production"
                + " status=succeeded started_at=2026-10-03T12:01:00Z finished_at=2026-10-03T12:19:30Z version=v7.0.0"
                + " commit_sha=aa11bb22cc33dd44ee55ff6677889900aabbccdd deployed_by=dlee is_hotfix=false");
        assertThat(rows.get(2)).contains("deployment_id=503", "environment=staging", "status=cancelled");
        assertThat(rows.get(3)).contains("deployment_id=504", "status=in_progress").doesNotContain("finished_at");
        // deployable null: the deployment's own times
        assertThat(rows.get(4)).contains("deployment_id=505", "started_at=2026-10-26T10:00:00Z",
                "finished_at=2026-10-26T10:11:58Z");
        assertThat(rows.get(5)).startsWith("REJECTED line 7: status \"skipped\" (path $.status)");
    }

    @Test
    void theCopiesMatchSharedWhereItExists() throws IOException {
        Path shared = Path.of("../shared/profiles");
        assumeThat(Files.isDirectory(shared)).as("no ../shared beside this clone").isTrue();
        try (Stream<Path> files = Files.list(shared)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("README.md")).toList()) {
                assertThat(Files.mismatch(file, SAMPLES.resolve(file.getFileName()))).as(file.toString())
                        .isEqualTo(-1L);
            }
        }
    }

    /** The sample's records through the profile and validation: accepted ones as field=value, rejected ones why. */
    static List<String> rows(String profileName, String sample, ZoneId zone, Map<String, String> constants)
            throws IOException {
        return rows(Profile.resolve("jobs/profiles/" + profileName + ".yml", null), SAMPLES.resolve(sample), zone,
                constants);
    }

    static List<String> rows(Profile profile, Path file, ZoneId zone, Map<String, String> constants)
            throws IOException {
        RowValidator validator = new RowValidator(profile.kind(), zone);
        List<String> rows = new ArrayList<>();
        try (RecordSource source = RecordSource.open(file, profile.kind(), SourceFormat.CSV,
                profile, constants)) {
            long ordinal = 0;
            for (SourceRecord record = source.next(++ordinal); record != null; record = source.next(++ordinal)) {
                LedgerRow row = validator.process(record);
                if (row instanceof LedgerRow.Rejected rejected) {
                    rows.add("REJECTED line " + rejected.line() + ": " + rejected.reason());
                    continue;
                }
                Object[] values = ((LedgerRow.Accepted) row).values();
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null) {
                        text.append(text.isEmpty() ? "" : " ").append(profile.kind().fields().get(i).name())
                                .append('=').append(values[i]);
                    }
                }
                rows.add(text.toString());
            }
        }
        return rows;
    }
}
