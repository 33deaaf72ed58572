-- Metric: rework_rate (ratio) = successful members of PD that are hotfixes (is_hotfix, or their change exists and
--   is an emergency) / successful_deployments; null when there are none.
-- Reads: a_pd_scope (PD counted per scope, sql/analysis/metric_populations.sql), a_scope
--   (sql/analysis/prepare_period.sql).
-- Columns: scope, scope_id, value, numerator, denominator, band.
SELECT s.scope, s.scope_id,
       coalesce(c.rework, 0)::numeric / nullif(coalesce(c.successful, 0), 0) AS value,
       coalesce(c.rework, 0)::numeric AS numerator, coalesce(c.successful, 0)::numeric AS denominator, NULL AS band
FROM a_scope s
LEFT JOIN a_pd_scope c ON c.scope = s.scope AND c.scope_id = s.scope_id
