-- Report data set (PDF): postmortem compliance: the RL11 findings and pending postmortems.
--   Read by the template reports/error-budget/postmortems.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT f.service, f.incident_id, CASE WHEN f.pending THEN 'due after as_of' ELSE 'overdue' END AS state, f.occurred_at AS deadline, f.detail FROM finding f WHERE f.run_id = :run_id AND f.rule_id = 'RL11' ORDER BY f.pending, f.service, f.occurred_at, f.incident_id
