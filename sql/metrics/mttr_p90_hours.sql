-- Metric: mttr_p90_hours (hours) = continuous 90th percentile, over the incidents with resolved_at in the period, of
--   resolved_at - started_at. One resolved before it started (a negative duration) is left out (a data-quality
--   item). Denominator: the number of values; numerator empty.
-- Reads: a_incident, a_scope, a_param. Columns: scope, scope_id, value, numerator, denominator, band.
WITH stat AS (
    SELECT sc.scope, sc.scope_id, percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM i.resolved_at - i.started_at) / 3600) AS value, count(*) AS n
    FROM a_incident i
    CROSS JOIN a_param p
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', i.team), ('service', i.service)) sc (scope, scope_id)
    WHERE i.resolved_at >= p.period_start AND i.resolved_at < p.period_end AND i.resolved_at >= i.started_at
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id, st.value, NULL::numeric AS numerator, coalesce(st.n, 0)::numeric AS denominator,
       NULL AS band
FROM a_scope s
LEFT JOIN stat st ON st.scope = s.scope AND st.scope_id = s.scope_id
