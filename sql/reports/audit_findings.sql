-- Report data set: the exceptions register: every finding of the run with its evidence.
-- Parameters: :run_id. Columns: as selected.
SELECT f.rule_id, f.severity, f.service, f.team, f.deployment_id, f.change_id, f.incident_id, f.occurred_at,
       f.detail, f.evidence::text AS evidence
FROM finding f
WHERE f.run_id = :run_id AND NOT f.pending
ORDER BY f.rule_id, f.occurred_at, f.deployment_id NULLS FIRST, f.change_id NULLS FIRST, f.incident_id NULLS FIRST
