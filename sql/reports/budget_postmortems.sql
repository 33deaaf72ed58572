-- Report data set: postmortem compliance: overdue postmortems (RL11) and those still due after as_of.
-- Parameters: :run_id. Columns: as selected.
SELECT f.service, f.incident_id, CASE WHEN f.pending THEN 'due after as_of' ELSE 'overdue' END AS state,
       f.occurred_at AS deadline, f.evidence ->> 'resolved_at' AS resolved_at,
       f.evidence ->> 'postmortem_at' AS postmortem_at, f.detail
FROM finding f
WHERE f.run_id = :run_id AND f.rule_id = 'RL11'
ORDER BY f.pending, f.service, f.occurred_at, f.incident_id
