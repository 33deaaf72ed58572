-- Metric: error_budget_allowed_minutes (minutes) = (100 - slo_target) / 100 x period minutes, for each service
--   with a valid slo_target (DESIGN.md section 5).
-- Reads: a_budget. Columns: scope, scope_id, value, numerator, denominator, band.
SELECT 'service' AS scope, b.service AS scope_id, b.allowed AS value, NULL::numeric AS numerator,
       NULL::numeric AS denominator, NULL AS band
FROM a_budget b
