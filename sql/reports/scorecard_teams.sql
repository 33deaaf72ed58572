-- Report data set: the delivery metrics of each team (and the organisation) with their bands.
-- Parameters: :run_id. Columns: as selected.
SELECT m.scope_id AS team,
       max(m.value) FILTER (WHERE m.metric = 'deployments') AS deployments,
       max(m.value) FILTER (WHERE m.metric = 'deployment_frequency_per_day') AS deploys_per_day,
       max(m.band) FILTER (WHERE m.metric = 'deployment_frequency_per_day') AS frequency_band,
       max(m.value) FILTER (WHERE m.metric = 'lead_time_median_hours') AS lead_time_median_hours,
       max(m.band) FILTER (WHERE m.metric = 'lead_time_median_hours') AS lead_time_band,
       max(m.value) FILTER (WHERE m.metric = 'change_failure_rate') AS change_failure_rate,
       max(m.band) FILTER (WHERE m.metric = 'change_failure_rate') AS change_failure_band,
       max(m.value) FILTER (WHERE m.metric = 'failed_deployment_recovery_median_hours') AS recovery_median_hours,
       max(m.band) FILTER (WHERE m.metric = 'failed_deployment_recovery_median_hours') AS recovery_band,
       max(m.value) FILTER (WHERE m.metric = 'mttr_median_hours') AS mttr_median_hours,
       max(m.value) FILTER (WHERE m.metric = 'rework_rate') AS rework_rate,
       max(m.value) FILTER (WHERE m.metric = 'incidents') AS incidents
FROM metric_value m
WHERE m.run_id = :run_id AND m.scope IN ('org', 'team')
GROUP BY m.scope, m.scope_id
ORDER BY CASE m.scope WHEN 'org' THEN 0 ELSE 1 END, m.scope_id
