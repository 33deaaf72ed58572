package com.releaseledger.analysis;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.releaseledger.kernel.BadInputException;
import com.releaseledger.kernel.EngineVersion;

import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment gate (DESIGN.md section 9): judges a deployment about to start as the rules would judge a
 * production deployment with these values that started then, by running the rules' own SQL files over a ledger
 * that holds it. In one transaction that is always rolled back, the deployment is added to the ledger as a version
 * of a file of its own, the working tables of the period containing its start are prepared as a run prepares them
 * (as_of its start), and each gate rule's file is run; a finding that names it is a failing control, with the
 * finding's own sentence as the reason. So the gate and the analysis cannot disagree. Every decision is then stored,
 * append-only ({@code gate_decision}).
 */
@Service
public class GateService {

    /**
     * The rules the gate judges (DESIGN.md section 9): the event rules a deployment can fail before it starts (not
     * RL16, which asks whether the gate was asked).
     */
    static final List<String> GATE_RULES = List.of("RL01", "RL02", "RL03", "RL04", "RL05", "RL06", "RL07", "RL08",
            "RL10", "RL13", "RL15");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AnalysisService analysis;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate hypothetical;

    GateService(AnalysisService analysis, NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.analysis = analysis;
        this.jdbc = jdbc;
        this.hypothetical = new TransactionTemplate(transactions);
        this.hypothetical.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** What a pipeline asks: a deployment about to start, and possibly an override of a block. */
    public record Request(String job, Policy policy, ZoneId zone, ReportingPeriod.Kind periodKind, String service,
            String environment,
            String changeId, String deployedBy, Instant at, boolean hotfix, String testEvidence, String overrideBy,
            String overrideReason) {
    }

    /** One control's result: pass or fail, its severity, and the reason in one sentence. */
    public record Control(String ruleId, String name, String result, String severity, String reason) {

        /** As the stored decision and the gate's JSON write it (DESIGN.md section 9's keys). */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rule_id", ruleId);
            map.put("result", result);
            map.put("severity", severity);
            map.put("reason", reason);
            return map;
        }
    }

    /** The decision as stored. */
    public record Decision(long decisionId, String decision, boolean overridden, String overrideRefused,
            boolean production, List<Control> controls) {

        /**
         * As a pipeline archives it, from the command's {@code --json} and from the HTTP endpoint alike (DESIGN.md
         * section 9's keys, then {@code production} and, when an override was refused, why).
         */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("decision", decision);
            map.put("decision_id", decisionId);
            map.put("overridden", overridden);
            map.put("controls", controls.stream().map(Control::asMap).toList());
            map.put("production", production);
            if (overrideRefused != null) {
                map.put("override_refused", overrideRefused);
            }
            return map;
        }
    }

    /**
     * Judges the deployment and stores the decision.
     *
     * @throws BadInputException when the service or environment is missing, or an override lacks who or why
     */
    public Decision decide(Request request) {
        if (blankToNull(request.service()) == null || blankToNull(request.environment()) == null) {
            throw new BadInputException("the gate needs the service and the environment of the deployment");
        }
        if ((request.overrideBy() == null) != (request.overrideReason() == null)) {
            throw new BadInputException("an override needs both who takes it and why (override by, override reason)");
        }
        boolean production = request.policy().productionEnvironments()
                .contains(request.environment().trim().toLowerCase(Locale.ROOT));
        List<Control> controls = production ? judge(request) : List.of();
        Set<String> blocking = Set.copyOf(request.policy().gateBlockingSeverities());
        boolean block = controls.stream().anyMatch(c -> c.result().equals("fail") && blocking.contains(c.severity()));
        String refused = null;
        boolean overridden = false;
        if (block && request.overrideBy() != null) {
            refused = overrideRefusal(request);
            overridden = refused == null;
        }
        String decision = block && !overridden ? "block" : "allow";
        long id = store(request, production, decision, overridden, refused, controls);
        return new Decision(id, decision, overridden, refused, production, controls);
    }

    /** Each gate rule over the ledger with the deployment in it: fail when the rule's file finds it. */
    private List<Control> judge(Request request) {
        String deploymentId = "gate-" + UUID.randomUUID();
        // the period a run of the job reports, containing the start: its error budget, as consumed up to the start
        ReportingPeriod period = ReportingPeriod.containing(request.periodKind(), request.at(), request.zone());
        AnalysisRequest analysisRequest = new AnalysisRequest(request.job(), period, request.at(), request.policy());
        return hypothetical.execute(status -> {
            status.setRollbackOnly(); // nothing of the hypothesis is ever kept
            addDeployment(deploymentId, request);
            analysis.prepareWorkingTables(analysisRequest);
            // the rules judge only this deployment (a per-change rule names the change's earliest deployment)
            jdbc.update("DELETE FROM a_event WHERE deployment_id <> :id", Map.of("id", deploymentId));
            List<Control> results = new ArrayList<>();
            for (Catalog.Rule rule : Catalog.RULES) {
                if (!GATE_RULES.contains(rule.id())) {
                    continue;
                }
                String reason = analysis.ruleFindings(rule).stream()
                        .filter(row -> deploymentId.equals(row.get("deployment_id")))
                        .map(row -> ((String) row.get("detail")).replace("deployment " + deploymentId, "this deployment")
                                .replace(deploymentId, "this deployment"))
                        .findFirst().orElse(null);
                results.add(new Control(rule.id(), rule.name(), reason == null ? "pass" : "fail", rule.severity(),
                        reason == null ? rule.title() + ": passes" : reason));
            }
            return results;
        });
    }

    /** The deployment as a version of a file of its own, loaded last: started at {@code at}, still in progress. */
    private void addDeployment(String deploymentId, Request request) {
        Long fileId = jdbc.queryForObject("""
                INSERT INTO source_file (kind, format, path, sha256, size_bytes, source_zone, status, load_seq,
                                         rows_read, rows_loaded)
                VALUES ('deployments', 'csv', '(deployment gate)', :sha, 0, 'UTC', 'loaded',
                        nextval('source_file_load_seq'), 1, 1)
                RETURNING file_id""", Map.of("sha", (deploymentId.replace("-", "") + "0".repeat(64)).substring(0, 64)),
                Long.class);
        jdbc.update("""
                INSERT INTO deployment_version (file_id, line_no, row_hash, deployment_id, service, environment, status,
                                                started_at, change_id, deployed_by, is_hotfix, test_evidence)
                VALUES (:file_id, 1, '\\x00', :id, :service, :environment, 'in_progress', :at, :change, :deployed_by,
                        :hotfix, :evidence)""", new MapSqlParameterSource()
                .addValue("file_id", fileId).addValue("id", deploymentId)
                .addValue("service", request.service().trim()).addValue("environment", request.environment().trim())
                .addValue("at", Timestamp.from(request.at())).addValue("change", blankToNull(request.changeId()))
                .addValue("deployed_by", blankToNull(request.deployedBy())).addValue("hotfix", request.hotfix())
                .addValue("evidence", blankToNull(request.testEvidence())));
        // its file is loaded last, so its one line is the id's current version (sql/migrations/V20, V22)
        jdbc.update("""
                INSERT INTO deployment_current (deployment_id, file_id, line_no, row_hash)
                VALUES (:id, :file_id, 1, '\\x00')""", Map.of("id", deploymentId, "file_id", fileId));
    }

    /** Why the override may not be taken (separation of duties), or null. */
    private String overrideRefusal(Request request) {
        if (request.overrideReason() == null || request.overrideReason().isBlank()) {
            return "an override needs a reason";
        }
        String by = request.overrideBy().trim().toLowerCase(Locale.ROOT);
        if (request.deployedBy() != null && by.equals(request.deployedBy().trim().toLowerCase(Locale.ROOT))) {
            return request.overrideBy().trim() + " is the deployer, who may not override the gate";
        }
        if (request.changeId() != null) {
            List<String> requesters = jdbc.queryForList("SELECT requested_by FROM changes WHERE change_id = :id",
                    Map.of("id", request.changeId().trim()), String.class);
            if (!requesters.isEmpty() && requesters.get(0) != null
                    && by.equals(requesters.get(0).trim().toLowerCase(Locale.ROOT))) {
                return request.overrideBy().trim() + " requested the change, and may not override the gate";
            }
        }
        return null;
    }

    private long store(Request request, boolean production, String decision, boolean overridden, String refused,
            List<Control> controls) {
        List<Map<String, Object>> results = controls.stream().map(Control::asMap).toList();
        Long id = jdbc.queryForObject("""
                INSERT INTO gate_decision (job, service, environment, change_id, deployed_by, deploy_at, is_hotfix,
                                           test_evidence, production, decision, overridden, override_by,
                                           override_reason, override_refused, controls, policy, engine_version)
                VALUES (:job, :service, :environment, :change, :deployed_by, :at, :hotfix, :evidence, :production,
                        :decision, :overridden, :override_by, :override_reason, :refused, CAST(:controls AS jsonb),
                        CAST(:policy AS jsonb), :engine)
                RETURNING decision_id""", new MapSqlParameterSource()
                .addValue("job", request.job()).addValue("service", request.service().trim())
                .addValue("environment", request.environment().trim())
                .addValue("change", blankToNull(request.changeId())).addValue("deployed_by", blankToNull(request.deployedBy()))
                .addValue("at", Timestamp.from(request.at())).addValue("hotfix", request.hotfix())
                .addValue("evidence", blankToNull(request.testEvidence())).addValue("production", production)
                .addValue("decision", decision).addValue("overridden", overridden)
                .addValue("override_by", request.overrideBy()).addValue("override_reason", request.overrideReason())
                .addValue("refused", refused).addValue("controls", JSON.writeValueAsString(results))
                .addValue("policy", JSON.writeValueAsString(request.policy().asMap()))
                .addValue("engine", EngineVersion.get()), Long.class);
        return id == null ? 0 : id;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
