-- Metric: successful_deployments (count) = members of PD with status succeeded.
-- Reads: a_pd, a_scope. Columns: scope, scope_id, value, numerator, denominator, band.
WITH counted AS (
    SELECT sc.scope, sc.scope_id, count(*) AS n
    FROM a_pd d
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', d.team), ('service', d.service)) sc (scope, scope_id)
    WHERE d.status = 'succeeded'
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id, coalesce(c.n, 0) AS value, NULL::numeric AS numerator, NULL::numeric AS denominator,
       NULL AS band
FROM a_scope s
LEFT JOIN counted c ON c.scope = s.scope AND c.scope_id = s.scope_id
