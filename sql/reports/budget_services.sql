-- Report data set: the error budget of each service with an SLO (DESIGN.md section 5): allowance, consumption
--   (and how much of it comes from incidents still open at the period end), remaining, burn rate, the budget
--   policy's state (healthy, at risk, exhausted since the instant the allowance was spent), the production
--   deployments that started while it was exhausted (those the policy allows: emergency changes and hotfixes;
--   the others are RL13's findings), and the change in budget left against the previous period (its trend run).
-- Parameters: :run_id. Columns: as selected.
WITH run AS (SELECT * FROM analysis_run WHERE run_id = :run_id),
previous AS (
    SELECT b.service, (b.allowed - b.consumed) / b.allowed * 100 AS remaining_pct
    FROM run
    JOIN analysis_run t ON t.trend_of = run.run_id AND t.period_end = run.period_start
    JOIN error_budget b ON b.run_id = t.run_id)
SELECT b.service, b.team, b.slo_target, b.allowed AS allowed_minutes, b.consumed AS consumed_minutes,
       b.open_consumed AS consumed_by_open_incidents_minutes, b.open_incidents AS incidents_open_at_period_end,
       (b.allowed - b.consumed) / b.allowed * 100 AS remaining_pct, b.consumed / b.allowed AS burn_rate,
       CASE WHEN (b.allowed - b.consumed) / b.allowed * 100 >= 25 THEN 'healthy'
            WHEN (b.allowed - b.consumed) / b.allowed * 100 > 0 THEN 'at_risk' ELSE 'exhausted' END AS status,
       b.exhausted_at,
       CASE WHEN (b.allowed - b.consumed) / b.allowed * 100 >= 25 THEN 'healthy'
            WHEN (b.allowed - b.consumed) / b.allowed * 100 > 0 THEN 'at risk'
            ELSE 'exhausted since ' || to_char(b.exhausted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'
       END AS policy_state,
       b.releases_exhausted AS released_while_exhausted,
       b.releases_allowed AS of_which_emergency_or_hotfix,
       b.releases_exhausted - b.releases_allowed AS of_which_not_allowed_rl13,
       p.remaining_pct AS previous_period_remaining_pct,
       (b.allowed - b.consumed) / b.allowed * 100 - p.remaining_pct AS change_in_remaining_pct
FROM error_budget b
LEFT JOIN previous p ON p.service = b.service
WHERE b.run_id = :run_id
ORDER BY (b.allowed - b.consumed) / b.allowed, b.service
