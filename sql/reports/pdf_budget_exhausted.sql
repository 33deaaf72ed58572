-- Report data set (PDF): the production deployments made while their service's budget was exhausted (RL13).
--   Read by the template reports/error-budget/exhausted.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT f.service, f.deployment_id, f.change_id, f.occurred_at AS started_at, b.exhausted_at FROM finding f JOIN error_budget b ON b.run_id = f.run_id AND b.service = f.service WHERE f.run_id = :run_id AND f.rule_id = 'RL13' ORDER BY f.service, f.occurred_at, f.deployment_id LIMIT 2000
