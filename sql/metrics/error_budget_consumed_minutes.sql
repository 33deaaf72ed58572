-- Metric: error_budget_consumed_minutes (minutes) = the length of the union of the service's customer-impacting
--   incidents, [started_at, resolved_at or period end) clipped to the period, overlaps counted once.
-- Reads: a_budget. Columns: scope, scope_id, value, numerator, denominator, band.
SELECT 'service' AS scope, b.service AS scope_id, b.consumed AS value, NULL::numeric AS numerator,
       NULL::numeric AS denominator, NULL AS band
FROM a_budget b
