-- Report data set: each control described, as the run tested it: its code (rule id and name) beside its plain name,
--   the control objective, the test criterion (the rule in one sentence), the policy values it used in the run and
--   its owner (the job's policy control_owners, else "Change management").
-- Parameters: :run_id. Columns: as selected.
SELECT c.rule_id, c.title AS control, c.name AS code_name, c.severity, c.objective, c.criterion, c.policy_values,
       c.owner
FROM control_population c
WHERE c.run_id = :run_id
ORDER BY c.rule_id
