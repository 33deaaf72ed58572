-- Report data set (PDF): each service's error budget: SLO, allowance, consumption, remaining, burn and status.
--   Read by the template reports/error-budget/budgets.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT service, team, slo_target / 100 AS slo, allowed, consumed, (allowed - consumed) / allowed AS remaining, consumed / allowed AS burn, CASE WHEN (allowed - consumed) / allowed >= 0.25 THEN 'healthy' WHEN (allowed - consumed) / allowed > 0 THEN 'at risk' ELSE 'EXHAUSTED' END AS status, exhausted_at FROM error_budget WHERE run_id = :run_id ORDER BY (allowed - consumed) / allowed, service
