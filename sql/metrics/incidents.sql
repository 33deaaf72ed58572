-- Metric: incidents (count) = incidents whose started_at is in the period, under the incident's service.
-- Reads: a_incident_scope (the incidents counted per scope, sql/analysis/metric_populations.sql), a_scope
--   (sql/analysis/prepare_period.sql).
-- Columns: scope, scope_id, value, numerator, denominator, band.
SELECT s.scope, s.scope_id, coalesce(c.started, 0) AS value, NULL::numeric AS numerator,
       NULL::numeric AS denominator, NULL AS band
FROM a_scope s
LEFT JOIN a_incident_scope c ON c.scope = s.scope AND c.scope_id = s.scope_id
