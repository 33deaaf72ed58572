-- Metric: rework_rate (ratio) = successful members of PD that are hotfixes (is_hotfix, or their change exists and
--   is an emergency) / successful_deployments; null when there are none.
-- Reads: a_pd, a_scope. Columns: scope, scope_id, value, numerator, denominator, band.
WITH counted AS (
    SELECT sc.scope, sc.scope_id,
           count(*) FILTER (WHERE d.is_hotfix OR c.type = 'emergency') AS rework,
           count(*) AS successful
    FROM a_pd d
    LEFT JOIN a_change c ON c.change_id = d.change_id
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', d.team), ('service', d.service)) sc (scope, scope_id)
    WHERE d.status = 'succeeded'
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id,
       coalesce(c.rework, 0)::numeric / nullif(coalesce(c.successful, 0), 0) AS value,
       coalesce(c.rework, 0)::numeric AS numerator, coalesce(c.successful, 0)::numeric AS denominator, NULL AS band
FROM a_scope s
LEFT JOIN counted c ON c.scope = s.scope AND c.scope_id = s.scope_id
