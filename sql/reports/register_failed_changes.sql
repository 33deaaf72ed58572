-- Report data set: failed changes and their reviews: changes closed as successful though a deployment failed
--   (RL12), rollbacks not reviewed in time (RL14) and rollback reviews still due after as_of.
-- Parameters: :run_id. Columns: as selected.
SELECT f.rule_id, CASE WHEN f.pending THEN 'review due after as_of' ELSE 'finding' END AS state, f.service, f.team,
       f.deployment_id, f.change_id, f.occurred_at, f.detail, f.evidence::text AS evidence
FROM finding f
WHERE f.run_id = :run_id AND f.rule_id IN ('RL12', 'RL14')
ORDER BY f.rule_id, f.pending, f.occurred_at, f.deployment_id
