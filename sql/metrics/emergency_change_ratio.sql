-- Metric: emergency_change_ratio (ratio) = distinct changes of type emergency / distinct changes, over the
--   existing changes named by members of PD (a change counts under the service of the deployment naming it).
-- Reads: a_pd_scope (PD counted per scope, sql/analysis/metric_populations.sql), a_scope
--   (sql/analysis/prepare_period.sql).
-- Columns: scope, scope_id, value, numerator, denominator, band.
SELECT s.scope, s.scope_id,
       coalesce(c.emergency_changes, 0)::numeric / nullif(coalesce(c.changes, 0), 0) AS value,
       coalesce(c.emergency_changes, 0)::numeric AS numerator, coalesce(c.changes, 0)::numeric AS denominator,
       NULL AS band
FROM a_scope s
LEFT JOIN a_pd_scope c ON c.scope = s.scope AND c.scope_id = s.scope_id
