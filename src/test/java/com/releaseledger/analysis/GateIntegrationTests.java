package com.releaseledger.analysis;

import static com.releaseledger.analysis.Rows.CHANGE;
import static com.releaseledger.analysis.Rows.DEPLOYMENT;
import static com.releaseledger.analysis.Rows.INCIDENT;
import static com.releaseledger.analysis.Rows.change;
import static com.releaseledger.analysis.Rows.csv;
import static com.releaseledger.analysis.Rows.deployment;
import static com.releaseledger.analysis.Rows.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.releaseledger.ingest.Kind;

/**
 * The deployment gate (DESIGN.md section 9) on hand-made ledgers in October 2026 (UTC): each control failing and
 * narrowly passing, the decision by severity, non-production, overrides and their separation of duties, decisions
 * that cannot be changed, and the gate agreeing with the analysis of the same deployment after the fact.
 */
class GateIntegrationTests extends FixtureIntegrationTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Autowired
    GateService gate;

    private AnalysisFixture fixture;

    @BeforeEach
    void ledger() {
        fixture = fixture("service,team,rollback,slo_target\nsvc,team-1,,99.9\nsvc-man,team-1,manual,\n")
                .load(Kind.CHANGES, csv(CHANGE,
                        change("c-ok", "standard"),
                        change("c-late", "normal", "approved_at=2026-10-20T10:00:01Z"),
                        change("c-rejected", "standard", "status=rejected"),
                        change("c-self", "standard", "requested_by=Ann", "approved_by=ann"),
                        change("c-window", "normal", "planned_start=2026-10-20T09:00:00Z",
                                "planned_end=2026-10-20T11:00:00Z")))
                .load(Kind.BLACKOUTS, "blackout_id,starts_at,ends_at,services\n"
                        + "freeze,2026-10-25T00:00:00Z,2026-10-26T00:00:00Z,svc\n");
    }

    private GateService.Decision ask(String service, String change, String at, String... options) {
        Map<String, String> o = java.util.Arrays.stream(options).map(option -> option.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        return gate.decide(new GateService.Request("test", Policy.defaults(), UTC, ReportingPeriod.Kind.MONTH,
                service, o.getOrDefault("environment", "production"), change, o.getOrDefault("deployed_by", "bot"),
                Instant.parse(at), o.containsKey("hotfix"), o.getOrDefault("evidence", "https://ci/1"),
                o.get("override_by"), o.get("override_reason")));
    }

    private static List<String> failing(GateService.Decision decision) {
        return decision.controls().stream().filter(c -> c.result().equals("fail")).map(GateService.Control::ruleId)
                .toList();
    }

    @Test
    void eachControlFailsAndNarrowlyPasses() {
        // a known, approved standard change at an ordinary time: every control passes
        GateService.Decision clean = ask("svc", "c-ok", "2026-10-20T10:00:00Z");
        assertThat(clean.controls()).hasSize(11).allMatch(c -> c.result().equals("pass"));
        assertThat(clean.decision()).isEqualTo("allow");

        // RL01: no change, or one that does not exist
        assertThat(failing(ask("svc", null, "2026-10-20T10:00:00Z"))).containsExactly("RL01");
        assertThat(failing(ask("svc", "c-ghost", "2026-10-20T10:00:00Z"))).containsExactly("RL01");
        // RL02: approved a second after the start fails; at the start passes (approved_at is not after it)
        assertThat(failing(ask("svc", "c-late", "2026-10-20T10:00:00Z"))).containsExactly("RL02");
        assertThat(failing(ask("svc", "c-late", "2026-10-20T10:00:01Z"))).isEmpty();
        // RL03, RL04 (the requester approved it: "ann" for "Ann")
        assertThat(failing(ask("svc", "c-rejected", "2026-10-20T10:00:00Z"))).containsExactly("RL03");
        assertThat(failing(ask("svc", "c-self", "2026-10-20T10:00:00Z"))).containsExactly("RL04");
        // RL05: the deployer is an approver
        assertThat(failing(ask("svc", "c-ok", "2026-10-20T10:00:00Z", "deployed_by=approver"))).containsExactly("RL05");
        // RL07: inside the blackout of svc; at its end (half-open) it is over; another service is not covered
        assertThat(failing(ask("svc", "c-ok", "2026-10-25T12:00:00Z"))).containsExactly("RL07");
        assertThat(failing(ask("svc", "c-ok", "2026-10-26T00:00:00Z"))).isEmpty();
        assertThat(failing(ask("svc-man", "c-ok", "2026-10-25T12:00:00Z"))).isEmpty();
        // RL08, the start only: before the window fails, at its start passes
        assertThat(failing(ask("svc", "c-window", "2026-10-20T08:59:59Z"))).containsExactly("RL08");
        assertThat(failing(ask("svc", "c-window", "2026-10-20T09:00:00Z"))).isEmpty();
        // RL15: a service rolled back by hand needs test evidence
        assertThat(failing(ask("svc-man", "c-ok", "2026-10-20T10:00:00Z", "evidence="))).containsExactly("RL15");
    }

    @Test
    void aSpentBudgetFailsRl13UntilTheStartAndAHotfixPassesIt() {
        // 99.9 % of October: 44.64 minutes; an outage from 10:00 spends it at 10:44:38.4
        fixture.load(Kind.INCIDENTS, csv(INCIDENT, incident("i1", "2026-10-10T10:00:00Z", "2026-10-10T12:00:00Z")));

        assertThat(failing(ask("svc", "c-ok", "2026-10-10T10:44:00Z"))).isEmpty();
        GateService.Decision spent = ask("svc", "c-ok", "2026-10-10T10:45:00Z");
        assertThat(failing(spent)).containsExactly("RL13");
        // RL13 is medium: it fails, but only high-severity controls block by default
        assertThat(spent.decision()).isEqualTo("allow");
        assertThat(failing(ask("svc", "c-ok", "2026-10-10T10:45:00Z", "hotfix=true"))).isEmpty();
    }

    @Test
    void aHighSeverityFailureBlocksAndOnlySomeoneElseMayOverrideIt() {
        GateService.Decision blocked = ask("svc", null, "2026-10-20T10:00:00Z");
        assertThat(blocked.decision()).isEqualTo("block");

        GateService.Decision byDeployer = ask("svc", null, "2026-10-20T10:00:00Z", "override_by= BOT",
                "override_reason=urgent");
        assertThat(byDeployer.decision()).isEqualTo("block");
        assertThat(byDeployer.overrideRefused()).isEqualTo("BOT is the deployer, who may not override the gate");
        GateService.Decision byRequester = ask("svc", "c-rejected", "2026-10-20T10:00:00Z", "override_by=req",
                "override_reason=urgent");
        assertThat(byRequester.overrideRefused()).isEqualTo("req requested the change, and may not override the gate");

        GateService.Decision overridden = ask("svc", null, "2026-10-20T10:00:00Z", "override_by=Release Manager",
                "override_reason=incident fix");
        assertThat(overridden.decision()).isEqualTo("allow");
        assertThat(overridden.overridden()).isTrue();
        assertThat(failing(overridden)).containsExactly("RL01"); // the control still failed, and it says so
    }

    @Test
    void aNonProductionEnvironmentIsAllowedWithNoControlJudged() {
        GateService.Decision staging = ask("svc", null, "2026-10-25T12:00:00Z", "environment=staging");

        assertThat(staging.decision()).isEqualTo("allow");
        assertThat(staging.production()).isFalse();
        assertThat(staging.controls()).isEmpty();
    }

    @Test
    void everyDecisionIsStoredAndCannotBeChangedOrDeleted() {
        GateService.Decision decision = ask("svc", null, "2026-10-20T10:00:00Z");

        Map<String, Object> stored = jdbc.queryForMap("SELECT decision, service, controls::text AS controls"
                + " FROM gate_decision WHERE decision_id = ?", decision.decisionId());
        assertThat(stored).containsEntry("decision", "block").containsEntry("service", "svc");
        assertThat((String) stored.get("controls")).contains("\"rule_id\": \"RL01\"", "\"result\": \"fail\"");
        assertThatThrownBy(() -> jdbc.update("UPDATE gate_decision SET decision = 'allow' WHERE decision_id = ?",
                decision.decisionId())).rootCause().hasMessageContaining("gate decisions are evidence");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM gate_decision WHERE decision_id = ?", decision.decisionId()))
                .rootCause().hasMessageContaining("gate decisions are evidence");
        // nothing of the hypothesis stays in the ledger
        assertThat(jdbc.queryForObject("SELECT count(*) FROM source_file WHERE path = '(deployment gate)'", Long.class))
                .isZero();
    }

    /**
     * The gate and the analysis agree: the deployments the gate judged, ingested afterwards with the same values
     * (finishing ten minutes later, inside any window) and analysed, fail exactly the rules the gate failed.
     */
    @Test
    void theGateAndTheAnalysisAgreeOnTheSameDeployments() {
        record Asked(String id, String service, String change, String at, String deployedBy, String evidence) {
        }
        List<Asked> asked = List.of(
                new Asked("g1", "svc", "c-ok", "2026-10-20T10:00:00Z", "bot", "https://ci/1"),
                new Asked("g2", "svc", "", "2026-10-21T10:00:00Z", "bot", "https://ci/1"),
                new Asked("g3", "svc", "c-late", "2026-10-20T10:00:00Z", "bot", "https://ci/1"),
                new Asked("g4", "svc", "c-self", "2026-10-22T10:00:00Z", "Ann", "https://ci/1"),
                new Asked("g5", "svc", "c-ok", "2026-10-25T12:00:00Z", "bot", "https://ci/1"),
                new Asked("g6", "svc-man", "c-rejected", "2026-10-23T10:00:00Z", "bot", ""),
                new Asked("g7", "svc", "c-window", "2026-10-20T08:30:00Z", "bot", "https://ci/1"));
        Map<String, List<String>> gateSays = new java.util.LinkedHashMap<>();
        for (Asked a : asked) {
            gateSays.put(a.id(), failing(ask(a.service(), a.change().isEmpty() ? null : a.change(), a.at(),
                    "deployed_by=" + a.deployedBy(), "evidence=" + a.evidence())));
        }

        fixture.load(Kind.DEPLOYMENTS, csv(DEPLOYMENT, asked.stream().map(a -> deployment(a.id(), a.at(), a.change(),
                "service=" + a.service(), "deployed_by=" + a.deployedBy(), "test_evidence=" + a.evidence()))
                .toArray(String[]::new)));
        long run = fixture.analyze("2026-10", "UTC", null);

        for (Asked a : asked) {
            List<String> analysisSays = jdbc.queryForList("SELECT rule_id FROM finding WHERE run_id = ?"
                    + " AND deployment_id = ? AND rule_id = ANY (?) ORDER BY rule_id", String.class, run, a.id(),
                    GateService.GATE_RULES.toArray(String[]::new));
            assertThat(analysisSays).as(a.id()).isEqualTo(gateSays.get(a.id()));
        }
        // and the cases are not all alike: the gate failed several rules across them
        assertThat(gateSays.values().stream().flatMap(List::stream).distinct().sorted().toList())
                .containsExactly("RL01", "RL02", "RL03", "RL04", "RL05", "RL07", "RL08", "RL15");
    }

    /**
     * RL16, under gate_required: a deployment needs an allowing (or overridden) decision for its service and change
     * asked in the 60 minutes before its start. Decisions written here with their time asked, as the gate stores them.
     */
    @Test
    void rl16FlagsADeploymentWithoutTheGatesLeaveInTheMinutesBeforeIt() {
        gatedDeployments();

        Policy required = new Policy(Policy.defaults().productionEnvironments(), Policy.defaults().cabRequiredRisks(),
                5, 5, 10, 2, 30, Policy.defaults().bands(), Policy.defaults().sample(), 7, Map.of(), List.of("high"),
                true, 60);
        long run = fixture.analyze("2026-10", "UTC", null, required);

        // d-edge had leave exactly 60 minutes before; d-none a decision that named no change; d-staging is not
        // production. d-late's leave was a second too old, d-blocked's a block, d-other-service's another service's,
        // d-asked-for-staging's was asked for staging (allowed with no control judged), d-other-job's another job's
        assertThat(fixture.findings(run, "RL16", false)).containsExactly(
                "d-asked-for-staging|c-window||2026-10-24T10:00:00Z",
                "d-blocked|c-late||2026-10-22T10:00:00Z",
                "d-late|c-ok||2026-10-21T10:00:00Z",
                "d-other-job|c-rejected||2026-10-26T10:00:00Z",
                "d-other-service|c-ok||2026-10-20T10:00:00Z");
        assertThat(jdbc.queryForObject("SELECT detail FROM finding WHERE run_id = ? AND deployment_id = 'd-blocked'",
                String.class, run)).startsWith("deployment d-blocked started without the gate's leave in the 60 "
                        + "minutes before it (the gate blocked it: decision ");
        // without gate_required, RL16 finds nothing
        assertThat(fixture.findings(fixture.analyze("2026-10", "UTC", null), "RL16", false)).isEmpty();
    }

    /**
     * gate_coverage() (sql/migrations/V21) finds the whole period's decisions in one join; gate_decision_for() is the
     * definition for one deployment (V17). Both give each production deployment of the period: d-edge an allow
     * exactly 60 minutes before it; d-late none (a second too old); d-blocked a block; d-none an allow that named no
     * change; d-other-service, d-asked-for-staging (asked for staging) and d-other-job (another job) none; d-both an
     * allow, older than the block after it (leave first); d-two the later of two allows; d-overridden an overridden
     * block. d-staging is not a production deployment: in neither.
     */
    @Test
    void theCoverageOfAPeriodGivesEachDeploymentTheDecisionTheDefinitionGivesIt() {
        gatedDeployments();
        decision("svc", "c-self", "allow", "2026-10-27T09:20:00Z");
        decision("svc", "c-self", "block", "2026-10-27T09:40:00Z");
        decision("svc", "c-window", "allow", "2026-10-28T09:10:00Z");
        decision("svc", "c-window", "allow", "2026-10-28T09:50:00Z");
        // a block overridden is stored as an allow that was overridden
        jdbc.update("""
                INSERT INTO gate_decision (asked_at, job, service, environment, change_id, deploy_at, is_hotfix,
                                           production, decision, overridden, override_by, override_reason, controls,
                                           policy, engine_version)
                VALUES ('2026-10-29T09:30:00Z', 'test', 'svc', 'production', 'c-rejected', '2026-10-29T10:00:00Z',
                        false, true, 'allow', true, 'lead', 'a fix that cannot wait', '[]', '{}', 'test')""");
        fixture.load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                deployment("d-both", "2026-10-27T10:00:00Z", "c-self"),
                deployment("d-two", "2026-10-28T10:00:00Z", "c-window"),
                deployment("d-overridden", "2026-10-29T10:00:00Z", "c-rejected")));
        long run = fixture.analyze("2026-10", "UTC", null);

        List<String> coverage = jdbc.queryForList("""
                SELECT deployment_id || ' ' || gate_decision || ' ' || coalesce(to_char(decision_asked_at
                       AT TIME ZONE 'UTC', 'DD HH24:MI:SS'), '-')
                FROM gate_coverage(?) ORDER BY deployment_id""", String.class, run);
        assertThat(coverage).containsExactly(
                "d-asked-for-staging none -", "d-blocked block 22 09:50:00", "d-both allow 27 09:20:00",
                "d-edge allow 20 09:00:00", "d-late none -", "d-none allow 23 09:30:00", "d-other-job none -",
                "d-other-service none -", "d-overridden override 29 09:30:00", "d-two allow 28 09:50:00");
        assertThat(jdbc.queryForList("""
                SELECT d.deployment_id || ' ' || g.gate_decision || ' ' || coalesce(to_char(g.decision_asked_at
                       AT TIME ZONE 'UTC', 'DD HH24:MI:SS'), '-')
                FROM deployments d
                CROSS JOIN LATERAL gate_decision_for('test', d.service, d.change_id, d.started_at,
                                                     interval '60 minutes') g
                WHERE d.environment = 'production' ORDER BY d.deployment_id""", String.class)).isEqualTo(coverage);
    }

    /**
     * The gate's decisions and the deployments they concern, for RL16 and the coverage: leave exactly 60 minutes
     * before d-edge; 60 minutes and a second before d-late; a block (not leave) before d-blocked; leave that named no
     * change before d-none; leave asked for staging before d-asked-for-staging; another job's before d-other-job;
     * d-other-service's decision was another service's, and d-staging is not a production deployment.
     */
    private void gatedDeployments() {
        decision("svc", "c-ok", "allow", "2026-10-20T09:00:00Z");
        decision("svc", "c-ok", "allow", "2026-10-21T08:59:59Z");
        decision("svc", "c-late", "block", "2026-10-22T09:50:00Z");
        decision("svc", null, "allow", "2026-10-23T09:30:00Z");
        decision("test", "svc", "c-window", "allow", "2026-10-24T09:30:00Z", false);
        decision("other", "svc", "c-rejected", "allow", "2026-10-26T09:30:00Z", true);
        fixture.load(Kind.DEPLOYMENTS, csv(DEPLOYMENT,
                deployment("d-edge", "2026-10-20T10:00:00Z", "c-ok"),
                deployment("d-late", "2026-10-21T10:00:00Z", "c-ok"),
                deployment("d-blocked", "2026-10-22T10:00:00Z", "c-late"),
                deployment("d-none", "2026-10-23T10:00:00Z", ""),
                deployment("d-other-service", "2026-10-20T10:00:00Z", "c-ok", "service=svc-man"),
                deployment("d-staging", "2026-10-20T10:00:00Z", "c-ok", "environment=staging"),
                deployment("d-asked-for-staging", "2026-10-24T10:00:00Z", "c-window"),
                deployment("d-other-job", "2026-10-26T10:00:00Z", "c-rejected")));
    }

    private void decision(String service, String change, String decision, String askedAt) {
        decision("test", service, change, decision, askedAt, true);
    }

    private void decision(String job, String service, String change, String decision, String askedAt,
            boolean production) {
        jdbc.update("""
                INSERT INTO gate_decision (asked_at, job, service, environment, change_id, deploy_at, is_hotfix,
                                           production, decision, controls, policy, engine_version)
                VALUES (?::timestamptz, ?, ?, ?, ?, ?::timestamptz, false, ?, ?, '[]', '{}', 'test')""",
                askedAt, job, service, production ? "production" : "staging", change, askedAt, production, decision);
    }
}
