-- Metric: error_budget_burn_rate (ratio) = consumed / allowed; numerator the consumed minutes, denominator the
--   allowed minutes.
-- Reads: a_budget. Columns: scope, scope_id, value, numerator, denominator, band.
SELECT 'service' AS scope, b.service AS scope_id, b.consumed / b.allowed AS value, b.consumed AS numerator,
       b.allowed AS denominator, NULL AS band
FROM a_budget b
