-- Metric: deployments (count) = |PD|, the production deployments that succeeded, failed or were rolled back
--   and finished in the period (DESIGN.md section 4). Counted under the deployment's service and its team.
-- Reads: a_pd, a_scope (sql/analysis/prepare_period.sql). Columns: scope, scope_id, value, numerator, denominator, band.
WITH counted AS (
    SELECT sc.scope, sc.scope_id, count(*) AS n
    FROM a_pd d
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', d.team), ('service', d.service)) sc (scope, scope_id)
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id, coalesce(c.n, 0) AS value, NULL::numeric AS numerator, NULL::numeric AS denominator,
       NULL AS band
FROM a_scope s
LEFT JOIN counted c ON c.scope = s.scope AND c.scope_id = s.scope_id
