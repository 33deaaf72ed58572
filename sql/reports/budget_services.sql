-- Report data set: the error budget of each service with an SLO: allowance, consumption, remaining, burn rate,
--   status and the instant the budget was exhausted (DESIGN.md section 5).
-- Parameters: :run_id. Columns: as selected.
SELECT b.service, b.team, b.slo_target, b.allowed AS allowed_minutes, b.consumed AS consumed_minutes,
       (b.allowed - b.consumed) / b.allowed * 100 AS remaining_pct, b.consumed / b.allowed AS burn_rate,
       CASE WHEN (b.allowed - b.consumed) / b.allowed * 100 >= 25 THEN 'healthy'
            WHEN (b.allowed - b.consumed) / b.allowed * 100 > 0 THEN 'at_risk' ELSE 'exhausted' END AS status,
       b.exhausted_at
FROM error_budget b
WHERE b.run_id = :run_id
ORDER BY (b.allowed - b.consumed) / b.allowed, b.service
