-- Report data set: the exceptions register: every finding of the run, with the rule's plain name, its evidence as
--   labelled fields (and as JSON, for tools), management's response where the job has a responses source (owner,
--   response, remediation date), and whether the same finding was a finding of the job's previous period
--   (repeated), with the response it had then.
-- Parameters: :run_id. Columns: as selected.
SELECT f.rule_id, c.title AS control, f.severity, f.service, f.team, f.deployment_id, f.change_id, f.incident_id,
       f.occurred_at, f.detail, evidence_text(f.evidence) AS evidence, f.evidence::text AS evidence_json, f.owner,
       f.response AS management_response, f.remediation_due, f.repeated, f.previous_response
FROM finding f
LEFT JOIN control_population c ON c.run_id = f.run_id AND c.rule_id = f.rule_id
WHERE f.run_id = :run_id AND NOT f.pending
ORDER BY f.rule_id, f.occurred_at, f.deployment_id NULLS FIRST, f.change_id NULLS FIRST, f.incident_id NULLS FIRST
