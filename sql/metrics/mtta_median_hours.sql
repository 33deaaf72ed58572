-- Metric: mtta_median_hours (hours) = continuous median, over the incidents with resolved_at in the period that
--   have an acknowledged_at, of acknowledged_at - detected_at (detected_at defaults to started_at). One
--   acknowledged before it was detected (a negative duration) is left out (a data-quality item).
-- Reads: a_incident, a_scope, a_param. Columns: scope, scope_id, value, numerator, denominator, band.
WITH stat AS (
    SELECT sc.scope, sc.scope_id,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY
               extract(epoch FROM i.acknowledged_at - coalesce(i.detected_at, i.started_at)) / 3600) AS value,
           count(*) AS n
    FROM a_incident i
    CROSS JOIN a_param p
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', i.team), ('service', i.service)) sc (scope, scope_id)
    WHERE i.resolved_at >= p.period_start AND i.resolved_at < p.period_end
      AND i.acknowledged_at IS NOT NULL
      AND i.acknowledged_at >= coalesce(i.detected_at, i.started_at)
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id, st.value, NULL::numeric AS numerator, coalesce(st.n, 0)::numeric AS denominator,
       NULL AS band
FROM a_scope s
LEFT JOIN stat st ON st.scope = s.scope AND st.scope_id = s.scope_id
