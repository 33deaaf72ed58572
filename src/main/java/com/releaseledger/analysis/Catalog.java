package com.releaseledger.analysis;

import java.util.List;

/** Every metric (DESIGN.md sections 4 and 5) and governance rule (section 6), each computed by one SQL file. */
public final class Catalog {

    private Catalog() {
    }

    /** A metric: its name (and SQL file {@code sql/metrics/<name>.sql}) and unit. */
    public record Metric(String name, String unit) {
        String file() {
            return "metrics/" + name + ".sql";
        }
    }

    /**
     * A governance rule: its id (and SQL file {@code sql/findings/<id>.sql}), code name and severity, and for the
     * audit pack's table of controls its plain name, the control objective, the test criterion (the rule in one
     * sentence, as DESIGN.md section 6 states it) and the policy values it uses.
     */
    public record Rule(String id, String name, String severity, String title, String objective, String criterion,
            List<String> policyKeys) {
        String file() {
            return "findings/" + id + ".sql";
        }
    }

    public static final List<Metric> METRICS = List.of(
            new Metric("deployments", "count"),
            new Metric("successful_deployments", "count"),
            new Metric("deployment_frequency_per_day", "per_day"),
            new Metric("deploy_days", "count"),
            new Metric("deployment_failure_rate", "ratio"),
            new Metric("change_failure_rate", "ratio"),
            new Metric("lead_time_median_hours", "hours"),
            new Metric("lead_time_p90_hours", "hours"),
            new Metric("incidents", "count"),
            new Metric("mttr_mean_hours", "hours"),
            new Metric("mttr_median_hours", "hours"),
            new Metric("mttr_p90_hours", "hours"),
            new Metric("mtta_median_hours", "hours"),
            new Metric("failed_deployment_recovery_median_hours", "hours"),
            new Metric("rework_rate", "ratio"),
            new Metric("emergency_change_ratio", "ratio"),
            new Metric("error_budget_allowed_minutes", "minutes"),
            new Metric("error_budget_consumed_minutes", "minutes"),
            new Metric("error_budget_remaining_pct", "percent"),
            new Metric("error_budget_burn_rate", "ratio"));

    private static final String PRODUCTION = "production_environments";

    public static final List<Rule> RULES = List.of(
            new Rule("RL01", "deployment_without_change", "high", "Every deployment has a change",
                    "Nothing reaches production without a recorded change.",
                    "A production deployment that started in the period names no change, or a change that is not"
                            + " among the changes.", List.of(PRODUCTION)),
            new Rule("RL02", "deployed_before_approval", "high", "Normal changes approved before deployment",
                    "Normal changes are authorised before they are implemented.",
                    "The deployment's change is normal and was not approved, or was approved after the deployment"
                            + " started.", List.of(PRODUCTION)),
            new Rule("RL03", "deployed_rejected_change", "high", "Rejected changes are not deployed",
                    "A change that was rejected or cancelled never reaches production.",
                    "The deployment's change has status rejected or cancelled, or its final approval decision was a"
                            + " rejection.", List.of(PRODUCTION)),
            new Rule("RL04", "self_approval", "high", "No self-approval",
                    "The person who requests a change does not approve it (separation of duties).",
                    "The change's requester is among its approvers (names compared trimmed, in any letter case).",
                    List.of(PRODUCTION)),
            new Rule("RL05", "approver_deployed", "medium", "Approvers do not implement",
                    "The person who approves a change does not implement or deploy it (separation of duties).",
                    "An approver of the change is its implementer or the person who ran this deployment.",
                    List.of(PRODUCTION)),
            new Rule("RL06", "cab_approval_missing", "medium", "High-risk changes approved by the CAB",
                    "Normal changes of the risks the policy names are approved by the change advisory board.",
                    "A normal change whose risk is among cab_required_risks has an approval type other than cab,"
                            + " or none.", List.of(PRODUCTION, "cab_required_risks")),
            new Rule("RL07", "blackout_deployment", "high", "No deployment in a blackout",
                    "Production is not changed during a blackout unless it is an emergency or a valid exception"
                            + " allows it.",
                    "The deployment started within a blackout covering its service, its change is not an emergency"
                            + " and has no valid exception.", List.of(PRODUCTION, "max_exception_days")),
            new Rule("RL08", "outside_change_window", "medium", "Deployments inside their change window",
                    "Changes are implemented within the window that was approved for them.",
                    "The change has a planned window and the deployment started before it or finished after it.",
                    List.of(PRODUCTION)),
            new Rule("RL09", "emergency_review_overdue", "high", "Emergency changes reviewed in time",
                    "Every emergency change is reviewed retrospectively soon after it reached production.",
                    "An emergency change whose review deadline (first production deployment + emergency_review_days"
                            + " x 24 h) fell in the period by as_of was not reviewed by it.",
                    List.of(PRODUCTION, "emergency_review_days")),
            new Rule("RL10", "invalid_exception", "medium", "Exceptions are valid",
                    "A change that relies on an exception relies on one that exists, was granted beforehand, had not"
                            + " expired and is not open-ended.",
                    "The change's exception does not exist, was granted after the deployment started, expired before"
                            + " it, has no expiry, or spans more than max_exception_days.",
                    List.of(PRODUCTION, "max_exception_days")),
            new Rule("RL11", "postmortem_overdue", "medium", "Postmortems completed in time",
                    "Severe incidents are followed by a postmortem within the policy's time.",
                    "A resolved incident of severity postmortem_max_severity or more severe has no postmortem by its"
                            + " deadline (resolved + postmortem_days x 24 h), judged when the deadline fell in the"
                            + " period by as_of.", List.of("postmortem_days", "postmortem_max_severity")),
            new Rule("RL12", "failed_change_closed_successful", "medium", "Failed changes are not closed as successful",
                    "A change's recorded outcome agrees with what happened in production.",
                    "The change's outcome is successful but one of its deployments that finished in the period failed,"
                            + " was rolled back, or caused an incident.", List.of(PRODUCTION)),
            new Rule("RL13", "release_during_exhausted_budget", "medium", "No release while the error budget is spent",
                    "When a service has spent its error budget, only emergencies and hotfixes are released.",
                    "The service's error budget for the period was exhausted at or before the deployment started, and"
                            + " it is neither an emergency change nor a hotfix.", List.of(PRODUCTION)),
            new Rule("RL14", "rollback_without_review", "medium", "Rollbacks reviewed in time",
                    "Every rollback in production is reviewed after it happened.",
                    "A rolled-back production deployment whose review deadline (finished + pir_days x 24 h) fell in"
                            + " the period by as_of has no change review between the rollback and the deadline.",
                    List.of(PRODUCTION, "pir_days")),
            new Rule("RL15", "manual_rollback_without_test_evidence", "medium", "Manual rollbacks are tested",
                    "A service whose rollback is manual deploys only with evidence of testing.",
                    "The service's rollback is manual and the deployment has no test evidence.",
                    List.of(PRODUCTION)),
            new Rule("RL16", "deployed_without_gate", "medium", "Deployments pass the gate first",
                    "When the policy requires it, no production deployment starts without the deployment gate's"
                            + " leave.",
                    "With gate_required, a production deployment started with no allowing (or overridden) gate"
                            + " decision for its service and change in the gate_max_age_minutes before it.",
                    List.of(PRODUCTION, "gate_required", "gate_max_age_minutes")));
}
