-- Report data set: blackout and change-window compliance: deployments in a blackout without a valid exception
--   (RL07), outside their approved window (RL08), and relying on an invalid exception (RL10).
-- Parameters: :run_id. Columns: as selected.
SELECT f.rule_id, f.service, f.team, f.deployment_id, f.change_id, f.occurred_at, f.detail,
       f.evidence::text AS evidence
FROM finding f
WHERE f.run_id = :run_id AND f.rule_id IN ('RL07', 'RL08', 'RL10') AND NOT f.pending
ORDER BY f.rule_id, f.occurred_at, f.deployment_id
