-- Purpose: the benchmark's limit step (issue 6): one plain aggregate query per metric over the scratch tables the
-- bare COPY filled (bench_deployments, bench_changes, bench_incidents, bench_services), for the period
-- [:period_start, :period_end). No versions, no lineage, no policy: the least work a database must do for each number,
-- to compare the engine against. Statements are separated by a line holding only ";".
-- deployments
SELECT count(*) FROM bench_deployments
WHERE environment = 'production' AND finished_at >= CAST(:period_start AS timestamptz) AND finished_at < CAST(:period_end AS timestamptz)
;
-- successful_deployments
SELECT count(*) FROM bench_deployments
WHERE environment = 'production' AND status = 'succeeded' AND finished_at >= CAST(:period_start AS timestamptz) AND finished_at < CAST(:period_end AS timestamptz)
;
-- deployment_frequency_per_day
SELECT count(*) FILTER (WHERE status = 'succeeded') / (extract(epoch FROM CAST(:period_end AS timestamptz) - CAST(:period_start AS timestamptz)) / 86400)
FROM bench_deployments
WHERE environment = 'production' AND finished_at >= CAST(:period_start AS timestamptz) AND finished_at < CAST(:period_end AS timestamptz)
;
-- deploy_days
SELECT count(DISTINCT (finished_at AT TIME ZONE 'UTC')::date) FROM bench_deployments
WHERE environment = 'production' AND status = 'succeeded' AND finished_at >= CAST(:period_start AS timestamptz) AND finished_at < CAST(:period_end AS timestamptz)
;
-- deployment_failure_rate
SELECT avg(CASE WHEN status IN ('failed', 'rolled_back') THEN 1.0 ELSE 0 END) FROM bench_deployments
WHERE environment = 'production' AND status <> 'cancelled' AND finished_at >= CAST(:period_start AS timestamptz) AND finished_at < CAST(:period_end AS timestamptz)
;
-- change_failure_rate
SELECT avg(CASE WHEN i.caused_by_deployment_id IS NOT NULL THEN 1.0 ELSE 0 END)
FROM bench_deployments d
LEFT JOIN (SELECT DISTINCT caused_by_deployment_id FROM bench_incidents) i
       ON i.caused_by_deployment_id = d.deployment_id
WHERE d.environment = 'production' AND d.status = 'succeeded' AND d.finished_at >= CAST(:period_start AS timestamptz)
  AND d.finished_at < CAST(:period_end AS timestamptz)
;
-- lead_time_median_hours
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - first_commit_at) / 3600)
FROM bench_deployments
WHERE environment = 'production' AND status = 'succeeded' AND first_commit_at IS NOT NULL
  AND finished_at >= CAST(:period_start AS timestamptz) AND finished_at < CAST(:period_end AS timestamptz)
;
-- lead_time_p90_hours
SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - first_commit_at) / 3600)
FROM bench_deployments
WHERE environment = 'production' AND status = 'succeeded' AND first_commit_at IS NOT NULL
  AND finished_at >= CAST(:period_start AS timestamptz) AND finished_at < CAST(:period_end AS timestamptz)
;
-- incidents
SELECT count(*) FROM bench_incidents WHERE started_at >= CAST(:period_start AS timestamptz) AND started_at < CAST(:period_end AS timestamptz)
;
-- mttr_mean_hours
SELECT avg(extract(epoch FROM resolved_at - started_at) / 3600) FROM bench_incidents
WHERE resolved_at >= CAST(:period_start AS timestamptz) AND resolved_at < CAST(:period_end AS timestamptz)
;
-- mttr_median_hours
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - started_at) / 3600)
FROM bench_incidents WHERE resolved_at >= CAST(:period_start AS timestamptz) AND resolved_at < CAST(:period_end AS timestamptz)
;
-- mttr_p90_hours
SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - started_at) / 3600)
FROM bench_incidents WHERE resolved_at >= CAST(:period_start AS timestamptz) AND resolved_at < CAST(:period_end AS timestamptz)
;
-- mtta_median_hours
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - detected_at) / 3600)
FROM bench_incidents WHERE acknowledged_at >= CAST(:period_start AS timestamptz) AND acknowledged_at < CAST(:period_end AS timestamptz)
;
-- failed_deployment_recovery_median_hours
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.resolved_at - i.started_at) / 3600)
FROM bench_incidents i JOIN bench_deployments d ON d.deployment_id = i.caused_by_deployment_id
WHERE i.resolved_at >= CAST(:period_start AS timestamptz) AND i.resolved_at < CAST(:period_end AS timestamptz)
;
-- rework_rate
SELECT avg(CASE WHEN is_hotfix OR rollback_of IS NOT NULL THEN 1.0 ELSE 0 END) FROM bench_deployments
WHERE environment = 'production' AND status = 'succeeded' AND finished_at >= CAST(:period_start AS timestamptz) AND finished_at < CAST(:period_end AS timestamptz)
;
-- emergency_change_ratio
SELECT avg(CASE WHEN c.type = 'emergency' THEN 1.0 ELSE 0 END)
FROM bench_deployments d JOIN bench_changes c ON c.change_id = d.change_id
WHERE d.environment = 'production' AND d.status = 'succeeded' AND d.finished_at >= CAST(:period_start AS timestamptz)
  AND d.finished_at < CAST(:period_end AS timestamptz)
;
-- error_budget_allowed_minutes
SELECT service, (1 - slo_target / 100.0) * extract(epoch FROM CAST(:period_end AS timestamptz) - CAST(:period_start AS timestamptz)) / 60 FROM bench_services
;
-- error_budget_consumed_minutes
SELECT service, sum(extract(epoch FROM least(coalesce(resolved_at, CAST(:period_end AS timestamptz)), CAST(:period_end AS timestamptz))
                                        - greatest(started_at, CAST(:period_start AS timestamptz))) / 60)
FROM bench_incidents WHERE customer_impact AND started_at < CAST(:period_end AS timestamptz)
  AND coalesce(resolved_at, CAST(:period_end AS timestamptz)) > CAST(:period_start AS timestamptz)
GROUP BY service
;
-- error_budget_remaining_pct
SELECT s.service, 100 - 100 * coalesce(sum(extract(epoch FROM least(coalesce(i.resolved_at, CAST(:period_end AS timestamptz)), CAST(:period_end AS timestamptz))
                                                       - greatest(i.started_at, CAST(:period_start AS timestamptz))) / 60), 0)
                       / nullif((1 - s.slo_target / 100.0) * extract(epoch FROM CAST(:period_end AS timestamptz) - CAST(:period_start AS timestamptz)) / 60, 0)
FROM bench_services s
LEFT JOIN bench_incidents i ON i.service = s.service AND i.customer_impact AND i.started_at < CAST(:period_end AS timestamptz)
     AND coalesce(i.resolved_at, CAST(:period_end AS timestamptz)) > CAST(:period_start AS timestamptz)
GROUP BY s.service, s.slo_target
;
-- error_budget_burn_rate
SELECT s.service, coalesce(sum(extract(epoch FROM least(coalesce(i.resolved_at, CAST(:period_end AS timestamptz)), CAST(:period_end AS timestamptz))
                                               - greatest(i.started_at, CAST(:period_start AS timestamptz))) / 60), 0)
                  / nullif((1 - s.slo_target / 100.0) * extract(epoch FROM CAST(:period_end AS timestamptz) - CAST(:period_start AS timestamptz)) / 60, 0)
FROM bench_services s
LEFT JOIN bench_incidents i ON i.service = s.service AND i.customer_impact AND i.started_at < CAST(:period_end AS timestamptz)
     AND coalesce(i.resolved_at, CAST(:period_end AS timestamptz)) > CAST(:period_start AS timestamptz)
GROUP BY s.service, s.slo_target
