-- Report data set: the deployments made while a service's budget was exhausted (rule RL13's findings).
-- Parameters: :run_id. Columns: as selected.
SELECT f.service, f.deployment_id, f.change_id, f.occurred_at AS started_at, b.exhausted_at, f.detail
FROM finding f
JOIN error_budget b ON b.run_id = f.run_id AND b.service = f.service
WHERE f.run_id = :run_id AND f.rule_id = 'RL13'
ORDER BY f.service, f.occurred_at, f.deployment_id
