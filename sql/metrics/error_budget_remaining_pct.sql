-- Metric: error_budget_remaining_pct (percent) = (allowed - consumed) / allowed x 100. Band: the budget status,
--   healthy (>= 25), at_risk (0 < remaining < 25) or exhausted (<= 0).
-- Reads: a_budget. Columns: scope, scope_id, value, numerator, denominator, band.
SELECT 'service' AS scope, b.service AS scope_id, (b.allowed - b.consumed) / b.allowed * 100 AS value,
       NULL::numeric AS numerator, NULL::numeric AS denominator,
       CASE WHEN (b.allowed - b.consumed) / b.allowed * 100 >= 25 THEN 'healthy'
            WHEN (b.allowed - b.consumed) / b.allowed * 100 > 0 THEN 'at_risk'
            ELSE 'exhausted' END AS band
FROM a_budget b
