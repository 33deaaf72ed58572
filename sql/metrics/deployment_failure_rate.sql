-- Metric: deployment_failure_rate (ratio) = (failed + rolled_back members of PD) / |PD|; null over no PD.
-- Reads: a_pd_scope (PD counted per scope, sql/analysis/metric_populations.sql), a_scope
--   (sql/analysis/prepare_period.sql).
-- Columns: scope, scope_id, value, numerator, denominator, band.
SELECT s.scope, s.scope_id,
       coalesce(c.failed_or_rolled_back, 0)::numeric / nullif(coalesce(c.deployments, 0), 0) AS value,
       coalesce(c.failed_or_rolled_back, 0)::numeric AS numerator, coalesce(c.deployments, 0)::numeric AS denominator,
       NULL AS band
FROM a_scope s
LEFT JOIN a_pd_scope c ON c.scope = s.scope AND c.scope_id = s.scope_id
