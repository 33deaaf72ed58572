-- Report data set (PDF): the scorecard's summary table: per team (and the organisation first) the delivery
--   metrics with their bands, on one basis (successful deployments, and those per day), time to restore beside
--   recovery, and for each the change against the previous period (its trend run; null when there is none).
--   Read by the template reports/scorecard/teams.jrxml.
-- Parameters: :run_id. Columns: as selected.
WITH run AS (SELECT * FROM analysis_run WHERE run_id = :run_id),
previous AS (
    SELECT m.scope, m.scope_id, m.metric, m.value
    FROM run JOIN analysis_run t ON t.trend_of = run.run_id AND t.period_end = run.period_start
    JOIN metric_value m ON m.run_id = t.run_id AND m.scope IN ('org', 'team')),
now AS (
    SELECT m.scope, m.scope_id, m.metric, m.value, m.band, m.value - p.value AS change
    FROM metric_value m
    LEFT JOIN previous p ON p.scope = m.scope AND p.scope_id = m.scope_id AND p.metric = m.metric
    WHERE m.run_id = :run_id AND m.scope IN ('org', 'team'))
SELECT CASE WHEN scope = 'org' THEN 'Organisation' ELSE scope_id END AS team,
       max(value) FILTER (WHERE metric = 'successful_deployments') AS successful,
       max(change) FILTER (WHERE metric = 'successful_deployments') AS successful_change,
       max(value) FILTER (WHERE metric = 'deployment_frequency_per_day') AS frequency,
       max(band) FILTER (WHERE metric = 'deployment_frequency_per_day') AS frequency_band,
       max(change) FILTER (WHERE metric = 'deployment_frequency_per_day') AS frequency_change,
       max(value) FILTER (WHERE metric = 'lead_time_median_hours') AS lead_time,
       max(band) FILTER (WHERE metric = 'lead_time_median_hours') AS lead_time_band,
       max(change) FILTER (WHERE metric = 'lead_time_median_hours') AS lead_time_change,
       max(value) FILTER (WHERE metric = 'change_failure_rate') AS cfr,
       max(band) FILTER (WHERE metric = 'change_failure_rate') AS cfr_band,
       max(change) FILTER (WHERE metric = 'change_failure_rate') AS cfr_change,
       max(value) FILTER (WHERE metric = 'failed_deployment_recovery_median_hours') AS recovery,
       max(band) FILTER (WHERE metric = 'failed_deployment_recovery_median_hours') AS recovery_band,
       max(change) FILTER (WHERE metric = 'failed_deployment_recovery_median_hours') AS recovery_change,
       max(value) FILTER (WHERE metric = 'mttr_median_hours') AS restore,
       max(change) FILTER (WHERE metric = 'mttr_median_hours') AS restore_change,
       max(value) FILTER (WHERE metric = 'incidents') AS incidents
FROM now
GROUP BY scope, scope_id
ORDER BY CASE scope WHEN 'org' THEN 0 ELSE 1 END, scope_id = 'unassigned', scope_id
