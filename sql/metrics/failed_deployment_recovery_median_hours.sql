-- Metric: failed_deployment_recovery_median_hours (hours) = continuous median, over the failed changes of PD, of
--   recovery_at - started_at. recovery_at is the latest resolved_at of its linked incidents (if one of them is
--   unresolved the deployment is unrecovered: left out here, listed in the reports); without linked incidents,
--   the finished_at of the earliest succeeded deployment (any environment or period) whose rollback_of names it;
--   else its own finished_at. A negative duration is left out (a data-quality item).
-- Band: elite < recovery_elite_hours, high < recovery_high_hours, medium < recovery_medium_hours, else low.
-- Reads: a_pd, a_link, a_incident, a_deployment, a_scope, a_param.
-- Columns: scope, scope_id, value, numerator, denominator, band.
WITH recovery AS (
    SELECT d.deployment_id, d.service, d.team, d.started_at,
           CASE WHEN inc.linked > 0 THEN CASE WHEN inc.unresolved = 0 THEN inc.last_resolved END
                ELSE coalesce(
                    (SELECT r.finished_at FROM a_deployment r
                     WHERE r.rollback_of = d.deployment_id AND r.status = 'succeeded'
                     ORDER BY r.started_at, r.deployment_id LIMIT 1),
                    d.finished_at) END AS recovered_at
    FROM a_pd d
    CROSS JOIN LATERAL (
        SELECT count(*) AS linked, count(*) FILTER (WHERE i.resolved_at IS NULL) AS unresolved,
               max(i.resolved_at) AS last_resolved
        FROM a_link l JOIN a_incident i ON i.incident_id = l.incident_id
        WHERE l.deployment_id = d.deployment_id
    ) inc
    WHERE d.is_failed_change
), stat AS (
    SELECT sc.scope, sc.scope_id,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.recovered_at - r.started_at) / 3600)
               AS value,
           count(*) AS n
    FROM recovery r
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', r.team), ('service', r.service)) sc (scope, scope_id)
    WHERE r.recovered_at IS NOT NULL AND r.recovered_at >= r.started_at
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id, st.value, NULL::numeric AS numerator, coalesce(st.n, 0)::numeric AS denominator,
       CASE WHEN st.value IS NULL THEN NULL
            WHEN st.value < p.recovery_elite_hours THEN 'elite'
            WHEN st.value < p.recovery_high_hours THEN 'high'
            WHEN st.value < p.recovery_medium_hours THEN 'medium'
            ELSE 'low' END AS band
FROM a_scope s
CROSS JOIN a_param p
LEFT JOIN stat st ON st.scope = s.scope AND st.scope_id = s.scope_id
