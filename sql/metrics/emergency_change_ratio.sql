-- Metric: emergency_change_ratio (ratio) = distinct changes of type emergency / distinct changes, over the
--   existing changes named by members of PD (a change counts under the service of the deployment naming it).
-- Reads: a_pd, a_scope. Columns: scope, scope_id, value, numerator, denominator, band.
WITH counted AS (
    SELECT sc.scope, sc.scope_id,
           count(DISTINCT c.change_id) FILTER (WHERE c.type = 'emergency') AS emergency,
           count(DISTINCT c.change_id) AS total
    FROM a_pd d
    JOIN a_change c ON c.change_id = d.change_id
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', d.team), ('service', d.service)) sc (scope, scope_id)
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id,
       coalesce(c.emergency, 0)::numeric / nullif(coalesce(c.total, 0), 0) AS value,
       coalesce(c.emergency, 0)::numeric AS numerator, coalesce(c.total, 0)::numeric AS denominator, NULL AS band
FROM a_scope s
LEFT JOIN counted c ON c.scope = s.scope AND c.scope_id = s.scope_id
