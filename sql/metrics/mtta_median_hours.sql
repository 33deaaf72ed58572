-- Metric: mtta_median_hours (hours) = continuous median, over the incidents with resolved_at in the period that
--   have an acknowledged_at, of acknowledged_at - detected_at (detected_at defaults to started_at). One
--   acknowledged before it was detected (a negative duration) is left out (a data-quality item).
-- Reads: a_incident_scope (the incidents counted per scope, sql/analysis/metric_populations.sql), a_scope
--   (sql/analysis/prepare_period.sql).
-- Columns: scope, scope_id, value, numerator, denominator, band.
SELECT s.scope, s.scope_id, c.acknowledge_median AS value, NULL::numeric AS numerator,
       coalesce(c.acknowledgements, 0)::numeric AS denominator, NULL AS band
FROM a_scope s
LEFT JOIN a_incident_scope c ON c.scope = s.scope AND c.scope_id = s.scope_id
