-- Metric: deploy_days (count) = distinct local dates (reporting zone) of the finished_at of successful members
--   of PD.
-- Reads: a_pd_day (the deploy days of each scope, sql/analysis/metric_populations.sql), a_scope.
-- Columns: scope, scope_id, value, numerator, denominator, band.
WITH counted AS (
    SELECT scope, scope_id, count(*) AS n FROM a_pd_day GROUP BY scope, scope_id
)
SELECT s.scope, s.scope_id, coalesce(c.n, 0) AS value, NULL::numeric AS numerator, NULL::numeric AS denominator,
       NULL AS band
FROM a_scope s
LEFT JOIN counted c ON c.scope = s.scope AND c.scope_id = s.scope_id
