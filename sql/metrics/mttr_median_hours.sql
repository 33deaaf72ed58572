-- Metric: mttr_median_hours (hours) = continuous median, over the incidents with resolved_at in the period, of
--   resolved_at - started_at. One resolved before it started (a negative duration) is left out (a data-quality
--   item). Denominator: the number of values; numerator empty.
-- Reads: a_incident_scope (the incidents counted per scope, sql/analysis/metric_populations.sql), a_scope
--   (sql/analysis/prepare_period.sql).
-- Columns: scope, scope_id, value, numerator, denominator, band.
SELECT s.scope, s.scope_id, c.restore_median AS value, NULL::numeric AS numerator,
       coalesce(c.restores, 0)::numeric AS denominator, NULL AS band
FROM a_scope s
LEFT JOIN a_incident_scope c ON c.scope = s.scope AND c.scope_id = s.scope_id
