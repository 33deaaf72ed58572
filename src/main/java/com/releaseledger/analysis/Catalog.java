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

    /** A governance rule: its id (and SQL file {@code sql/findings/<id>.sql}), name and severity. */
    public record Rule(String id, String name, String severity) {
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

    public static final List<Rule> RULES = List.of(
            new Rule("RL01", "deployment_without_change", "high"),
            new Rule("RL02", "deployed_before_approval", "high"),
            new Rule("RL03", "deployed_rejected_change", "high"),
            new Rule("RL04", "self_approval", "high"),
            new Rule("RL05", "approver_deployed", "medium"),
            new Rule("RL06", "cab_approval_missing", "medium"),
            new Rule("RL07", "blackout_deployment", "high"),
            new Rule("RL08", "outside_change_window", "medium"),
            new Rule("RL09", "emergency_review_overdue", "high"),
            new Rule("RL10", "invalid_exception", "medium"),
            new Rule("RL11", "postmortem_overdue", "medium"),
            new Rule("RL12", "failed_change_closed_successful", "medium"),
            new Rule("RL13", "release_during_exhausted_budget", "medium"),
            new Rule("RL14", "rollback_without_review", "medium"),
            new Rule("RL15", "manual_rollback_without_test_evidence", "medium"));
}
