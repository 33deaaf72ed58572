-- Report data set: separation-of-duties conflicts: self-approvals (RL04) and approvers who implemented or
--   deployed their own change (RL05), with the names involved.
-- Parameters: :run_id. Columns: as selected.
SELECT f.rule_id, f.service, f.team, f.change_id, f.deployment_id, f.occurred_at,
       f.evidence ->> 'requested_by' AS requested_by, f.evidence ->> 'approved_by' AS approved_by,
       f.evidence ->> 'implemented_by' AS implemented_by, f.evidence ->> 'deployed_by' AS deployed_by, f.detail
FROM finding f
WHERE f.run_id = :run_id AND f.rule_id IN ('RL04', 'RL05') AND NOT f.pending
ORDER BY f.rule_id, f.occurred_at, f.deployment_id
