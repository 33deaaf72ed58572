-- Metric: deployment_failure_rate (ratio) = (failed + rolled_back members of PD) / |PD|; null over no PD.
-- Reads: a_pd, a_scope. Columns: scope, scope_id, value, numerator, denominator, band.
WITH counted AS (
    SELECT sc.scope, sc.scope_id, count(*) FILTER (WHERE d.status IN ('failed', 'rolled_back')) AS failed,
           count(*) AS total
    FROM a_pd d
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', d.team), ('service', d.service)) sc (scope, scope_id)
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id,
       coalesce(c.failed, 0)::numeric / nullif(coalesce(c.total, 0), 0) AS value,
       coalesce(c.failed, 0)::numeric AS numerator, coalesce(c.total, 0)::numeric AS denominator, NULL AS band
FROM a_scope s
LEFT JOIN counted c ON c.scope = s.scope AND c.scope_id = s.scope_id
