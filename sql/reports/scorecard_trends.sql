-- Report data set: the headline delivery metrics of the organisation and each team over the last six periods
--   (the run's period and the five before it, each analysed from the ledger with the same policy).
-- Parameters: :run_id. Columns: scope, scope_id, period, and one column per headline metric.
SELECT m.scope, m.scope_id, r.period,
       max(m.value) FILTER (WHERE m.metric = 'deployments') AS deployments,
       max(m.value) FILTER (WHERE m.metric = 'deployment_frequency_per_day') AS deploys_per_day,
       max(m.value) FILTER (WHERE m.metric = 'change_failure_rate') AS change_failure_rate,
       max(m.value) FILTER (WHERE m.metric = 'lead_time_median_hours') AS lead_time_median_hours,
       max(m.value) FILTER (WHERE m.metric = 'failed_deployment_recovery_median_hours') AS recovery_median_hours,
       max(m.value) FILTER (WHERE m.metric = 'mttr_median_hours') AS mttr_median_hours
FROM analysis_run r
JOIN metric_value m ON m.run_id = r.run_id AND m.scope IN ('org', 'team')
WHERE r.run_id = :run_id OR r.trend_of = :run_id
GROUP BY m.scope, m.scope_id, r.period, r.period_start
ORDER BY CASE m.scope WHEN 'org' THEN 0 ELSE 1 END, m.scope_id, r.period_start
