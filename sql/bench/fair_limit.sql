-- Purpose: the benchmark's fair limit (issue 15): what an analyst would write by hand over the bare COPY tables
-- (bench_deployments, bench_changes, bench_incidents, bench_services, bench_blackouts, bench_exceptions) to get the
-- same outputs as the engine: every metric of DESIGN.md sections 4 and 5 for every scope, one query per population
-- with GROUPING SETS (org, team, service), and every rule of section 6 as a plain query returning its findings'
-- keys. No versions, no lineage, no evidence, no policy table (the default policy written in: production
-- environments production and prod, CAB for high and critical, reviews in 5 days, postmortems in 10 for severity
-- 1 and 2, exceptions of 30 days at most), no data-quality register, no pending items. The benchmark checks its
-- values and finding keys against the engine's (Benchmark.checkFairLimit).
-- Parameters: :period_start, :period_end (the period as instants), :zone (the reporting zone); as_of is the
-- period end.
-- Statements are separated by a line holding only ";"; those that return rows return either a scope's metrics
-- (scope, scope_id, then a column per metric, named as the metric) or findings (rule_id, deployment_id,
-- change_id, incident_id). All run on one connection (the temporary tables).
-- PD, with whether each is a failed change and when it recovered: read by the delivery metrics and RL12
CREATE TEMP TABLE fair_pd AS
WITH pd AS (
    SELECT d.deployment_id, d.service, coalesce(s.team, 'unassigned') AS team, d.status, d.started_at,
           d.finished_at, d.first_commit_at, coalesce(d.is_hotfix, false) AS is_hotfix, c.change_id AS known_change,
           c.type AS change_type, c.outcome AS change_outcome, d.status IN ('succeeded', 'rolled_back') AS live
    FROM bench_deployments d
    LEFT JOIN bench_services s ON s.service = d.service
    LEFT JOIN bench_changes c ON c.change_id = d.change_id
    WHERE lower(d.environment) IN ('production', 'prod') AND d.status IN ('succeeded', 'failed', 'rolled_back')
      AND d.finished_at >= CAST(:period_start AS timestamptz) AND d.finished_at < CAST(:period_end AS timestamptz)
), by_change AS ( -- an incident that names only a change: the latest live deployment of it started before it
    SELECT DISTINCT ON (i.incident_id) x.deployment_id, i.resolved_at
    FROM bench_incidents i
    JOIN bench_deployments x ON x.change_id = i.caused_by_change_id AND x.started_at <= i.started_at
    WHERE i.caused_by_deployment_id IS NULL AND lower(x.environment) IN ('production', 'prod')
      AND x.status IN ('succeeded', 'rolled_back')
    ORDER BY i.incident_id, x.started_at DESC, x.deployment_id DESC
), caused AS (
    SELECT deployment_id, count(*) FILTER (WHERE resolved_at IS NULL) AS unresolved, max(resolved_at) AS resolved
    FROM (SELECT caused_by_deployment_id AS deployment_id, resolved_at FROM bench_incidents
          WHERE caused_by_deployment_id IS NOT NULL
          UNION ALL SELECT deployment_id, resolved_at FROM by_change) l
    GROUP BY deployment_id
), rolled_back AS ( -- the earliest succeeded deployment that rolls each one back
    SELECT DISTINCT ON (rollback_of) rollback_of AS deployment_id, finished_at
    FROM bench_deployments WHERE rollback_of IS NOT NULL AND status = 'succeeded'
    ORDER BY rollback_of, started_at, deployment_id
), judged AS (
    SELECT pd.*, pd.live AND (pd.status = 'rolled_back' OR caused.deployment_id IS NOT NULL) AS failed_change,
           CASE WHEN caused.deployment_id IS NOT NULL THEN CASE WHEN caused.unresolved = 0 THEN caused.resolved END
                ELSE coalesce(rb.finished_at, pd.finished_at) END AS recovered_at
    FROM pd
    LEFT JOIN caused ON caused.deployment_id = pd.deployment_id
    LEFT JOIN rolled_back rb ON rb.deployment_id = pd.deployment_id
)
SELECT * FROM judged
;
-- the delivery metrics
SELECT CASE WHEN GROUPING(team) = 1 THEN 'org' WHEN GROUPING(service) = 1 THEN 'team' ELSE 'service' END AS scope,
       CASE WHEN GROUPING(team) = 1 THEN 'all' WHEN GROUPING(service) = 1 THEN team ELSE service END AS scope_id,
       count(*) AS deployments,
       count(*) FILTER (WHERE status = 'succeeded') AS successful_deployments,
       count(*) FILTER (WHERE status = 'succeeded')
           / (extract(epoch FROM CAST(:period_end AS timestamptz) - CAST(:period_start AS timestamptz)) / 86400)
           AS deployment_frequency_per_day,
       count(DISTINCT (finished_at AT TIME ZONE CAST(:zone AS text))::date) FILTER (WHERE status = 'succeeded')
           AS deploy_days,
       count(*) FILTER (WHERE status IN ('failed', 'rolled_back'))::numeric / count(*) AS deployment_failure_rate,
       count(*) FILTER (WHERE failed_change)::numeric / nullif(count(*) FILTER (WHERE live), 0)
           AS change_failure_rate,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - first_commit_at) / 3600)
           FILTER (WHERE status = 'succeeded' AND first_commit_at <= finished_at) AS lead_time_median_hours,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - first_commit_at) / 3600)
           FILTER (WHERE status = 'succeeded' AND first_commit_at <= finished_at) AS lead_time_p90_hours,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM recovered_at - started_at) / 3600)
           FILTER (WHERE failed_change AND recovered_at >= started_at) AS failed_deployment_recovery_median_hours,
       count(*) FILTER (WHERE status = 'succeeded' AND (is_hotfix OR change_type = 'emergency'))::numeric
           / nullif(count(*) FILTER (WHERE status = 'succeeded'), 0) AS rework_rate,
       count(DISTINCT known_change) FILTER (WHERE change_type = 'emergency')::numeric
           / nullif(count(DISTINCT known_change), 0) AS emergency_change_ratio
FROM fair_pd
GROUP BY GROUPING SETS ((), (team), (team, service))
;
-- incidents: started in the period (counted), resolved in it (restored, acknowledged)
SELECT CASE WHEN GROUPING(team) = 1 THEN 'org' WHEN GROUPING(service) = 1 THEN 'team' ELSE 'service' END AS scope,
       CASE WHEN GROUPING(team) = 1 THEN 'all' WHEN GROUPING(service) = 1 THEN team ELSE service END AS scope_id,
       count(*) FILTER (WHERE started) AS incidents,
       avg(hours) FILTER (WHERE resolved AND hours >= 0) AS mttr_mean_hours,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE resolved AND hours >= 0) AS mttr_median_hours,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE resolved AND hours >= 0) AS mttr_p90_hours,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ack_hours) FILTER (WHERE resolved AND ack_hours >= 0)
           AS mtta_median_hours
FROM (SELECT i.service, coalesce(s.team, 'unassigned') AS team,
             i.started_at >= CAST(:period_start AS timestamptz) AND i.started_at < CAST(:period_end AS timestamptz)
                 AS started,
             i.resolved_at >= CAST(:period_start AS timestamptz) AND i.resolved_at < CAST(:period_end AS timestamptz)
                 AS resolved,
             extract(epoch FROM i.resolved_at - i.started_at) / 3600 AS hours,
             extract(epoch FROM i.acknowledged_at - coalesce(i.detected_at, i.started_at)) / 3600 AS ack_hours
      FROM bench_incidents i
      LEFT JOIN bench_services s ON s.service = i.service) i
WHERE started OR resolved
GROUP BY GROUPING SETS ((), (team), (team, service))
;
-- each service's error budget, and when it was spent: read by its metrics and RL13
CREATE TEMP TABLE fair_budget AS
WITH outage AS (
    SELECT i.service, greatest(i.started_at, CAST(:period_start AS timestamptz)) AS s,
           least(coalesce(i.resolved_at, CAST(:period_end AS timestamptz)), CAST(:period_end AS timestamptz)) AS e
    FROM bench_incidents i
    WHERE i.customer_impact
), marked AS (
    SELECT service, s, e,
           CASE WHEN s <= max(e) OVER (PARTITION BY service ORDER BY s, e
                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS starts
    FROM outage WHERE e > s
), islands AS (
    SELECT service, s, e, sum(starts) OVER (PARTITION BY service ORDER BY s, e) AS island FROM marked
), merged AS (
    SELECT service, min(s) AS s, extract(epoch FROM max(e) - min(s)) / 60 AS minutes
    FROM islands GROUP BY service, island
), running AS (
    SELECT service, s, minutes, sum(minutes) OVER (PARTITION BY service ORDER BY s) AS cumulative FROM merged
), consumed AS (
    SELECT service, max(cumulative) AS minutes FROM running GROUP BY service
), budget AS (
    SELECT s.service, (100 - s.slo_target) / 100
               * (extract(epoch FROM CAST(:period_end AS timestamptz) - CAST(:period_start AS timestamptz)) / 60)
               AS allowed,
           coalesce(c.minutes, 0) AS consumed
    FROM bench_services s
    LEFT JOIN consumed c ON c.service = s.service
    WHERE s.slo_target > 0 AND s.slo_target < 100
)
SELECT b.service, b.allowed, b.consumed,
       (SELECT min(r.s + (b.allowed - (r.cumulative - r.minutes)) * interval '1 minute') FROM running r
        WHERE r.service = b.service AND r.cumulative >= b.allowed) AS exhausted_at
FROM budget b

;
-- the error budgets
SELECT 'service' AS scope, service AS scope_id, allowed AS error_budget_allowed_minutes,
       consumed AS error_budget_consumed_minutes, (allowed - consumed) / allowed * 100 AS error_budget_remaining_pct,
       consumed / allowed AS error_budget_burn_rate
FROM fair_budget
;
-- the rules: the production deployments that started in the period with their change, then each rule's condition
WITH ev AS (
    SELECT d.deployment_id, d.service, d.status, d.started_at, d.finished_at, d.deployed_by, d.test_evidence,
           coalesce(d.is_hotfix, false) AS is_hotfix, d.change_id, c.change_id IS NOT NULL AS known, c.type,
           c.risk, c.status AS change_status, c.requested_by, c.approved_by, c.approval_type, c.approved_at,
           c.planned_start, c.planned_end, c.implemented_by, c.exception_id, coalesce(c.type = 'emergency', false)
               AS emergency
    FROM bench_deployments d
    LEFT JOIN bench_changes c ON c.change_id = d.change_id
    WHERE lower(d.environment) IN ('production', 'prod') AND d.status <> 'cancelled'
      AND d.started_at >= CAST(:period_start AS timestamptz) AND d.started_at < CAST(:period_end AS timestamptz)
), approver AS (
    SELECT c.change_id, lower(trim(a)) AS approver
    FROM bench_changes c CROSS JOIN unnest(string_to_array(c.approved_by, ';')) a
    WHERE trim(a) <> ''
), valid_exception AS (
    SELECT ev.deployment_id
    FROM ev JOIN bench_exceptions x ON x.exception_id = ev.exception_id
    WHERE x.granted_at <= ev.started_at AND x.expires_at >= ev.started_at
      AND x.expires_at - x.granted_at <= interval '30 days'
)
SELECT 'RL01' AS rule_id, deployment_id, change_id, NULL AS incident_id FROM ev WHERE NOT known
UNION ALL
SELECT 'RL02', deployment_id, change_id, NULL FROM ev
WHERE type = 'normal' AND (approved_at IS NULL OR approved_at > started_at)
UNION ALL
SELECT 'RL03', deployment_id, change_id, NULL FROM ev WHERE change_status IN ('rejected', 'cancelled')
UNION ALL
SELECT 'RL04', deployment_id, change_id, NULL
FROM (SELECT DISTINCT ON (change_id) * FROM ev
      WHERE EXISTS (SELECT 1 FROM approver a
                    WHERE a.change_id = ev.change_id AND a.approver = lower(trim(ev.requested_by)))
      ORDER BY change_id, started_at, deployment_id) f
UNION ALL
SELECT 'RL05', deployment_id, change_id, NULL FROM ev
WHERE EXISTS (SELECT 1 FROM approver a WHERE a.change_id = ev.change_id
              AND (a.approver = lower(trim(ev.implemented_by)) OR a.approver = lower(trim(ev.deployed_by))))
UNION ALL
SELECT 'RL06', deployment_id, change_id, NULL
FROM (SELECT DISTINCT ON (change_id) * FROM ev
      WHERE type = 'normal' AND risk IN ('high', 'critical') AND approval_type IS DISTINCT FROM 'cab'
      ORDER BY change_id, started_at, deployment_id) f
UNION ALL
SELECT 'RL07', deployment_id, change_id, NULL FROM ev
WHERE NOT emergency AND deployment_id NOT IN (SELECT deployment_id FROM valid_exception)
  AND EXISTS (SELECT 1 FROM bench_blackouts b
              WHERE ev.started_at >= b.starts_at AND ev.started_at < b.ends_at
                AND (coalesce(trim(b.services), '') = ''
                     OR ev.service IN (SELECT trim(s) FROM unnest(string_to_array(b.services, ';')) s)))
UNION ALL
SELECT 'RL08', deployment_id, change_id, NULL FROM ev
WHERE planned_start IS NOT NULL AND planned_end IS NOT NULL
  AND (started_at < planned_start OR (status <> 'in_progress' AND finished_at > planned_end))
UNION ALL
SELECT 'RL09', deployment_id, change_id, NULL
FROM (SELECT DISTINCT ON (d.change_id) d.deployment_id, d.change_id, d.started_at + interval '5 days' AS due,
             c.review_completed_at
      FROM bench_deployments d JOIN bench_changes c ON c.change_id = d.change_id AND c.type = 'emergency'
      WHERE lower(d.environment) IN ('production', 'prod') AND d.status <> 'cancelled'
      ORDER BY d.change_id, d.started_at, d.deployment_id) f
WHERE due >= CAST(:period_start AS timestamptz) AND due < CAST(:period_end AS timestamptz)
  AND (review_completed_at IS NULL OR review_completed_at > due)
UNION ALL
SELECT 'RL10', ev.deployment_id, ev.change_id, NULL FROM ev
WHERE ev.exception_id IS NOT NULL AND ev.deployment_id NOT IN (SELECT deployment_id FROM valid_exception)
UNION ALL
SELECT 'RL11', NULL, NULL, incident_id FROM bench_incidents
WHERE severity <= 2 AND resolved_at + interval '10 days' >= CAST(:period_start AS timestamptz)
  AND resolved_at + interval '10 days' < CAST(:period_end AS timestamptz)
  AND (postmortem_at IS NULL OR postmortem_at > resolved_at + interval '10 days')
UNION ALL
SELECT 'RL12', deployment_id, known_change, NULL
FROM (SELECT DISTINCT ON (known_change) * FROM fair_pd
      WHERE change_outcome = 'successful' AND (status IN ('failed', 'rolled_back') OR failed_change)
      ORDER BY known_change, started_at, deployment_id) f
UNION ALL
SELECT 'RL13', ev.deployment_id, ev.change_id, NULL FROM ev JOIN fair_budget b ON b.service = ev.service
WHERE b.exhausted_at <= ev.started_at AND NOT ev.emergency AND NOT ev.is_hotfix
UNION ALL
SELECT 'RL14', d.deployment_id, d.change_id, NULL
FROM bench_deployments d LEFT JOIN bench_changes c ON c.change_id = d.change_id
WHERE lower(d.environment) IN ('production', 'prod') AND d.status = 'rolled_back'
  AND d.finished_at + interval '5 days' >= CAST(:period_start AS timestamptz)
  AND d.finished_at + interval '5 days' < CAST(:period_end AS timestamptz)
  AND NOT coalesce(c.review_completed_at BETWEEN d.finished_at AND d.finished_at + interval '5 days', false)
UNION ALL
SELECT 'RL15', ev.deployment_id, ev.change_id, NULL FROM ev JOIN bench_services s ON s.service = ev.service
WHERE s.rollback = 'manual' AND ev.test_evidence IS NULL
;
DROP TABLE fair_pd, fair_budget
