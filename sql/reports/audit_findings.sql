-- Report data set: the exceptions register: every finding of the run, with the rule's plain name, its evidence as
--   labelled fields (and as JSON, for tools), management's response where the job has a responses source (owner,
--   response, remediation date), and whether the same finding was a finding of the job's previous period
--   (repeated), with the response it had then.
-- Parameters: :run_id. Columns: as selected.
-- The findings are sorted in the inner select and their evidence formatted in the outer one, as each row is handed
--   on (no step above the sort reorders them): at a million deployments, formatting 650,000 findings' evidence
--   before the sort kept the workbook waiting half a minute for its first row.
SELECT s.rule_id, s.control, s.severity, s.service, s.team, s.deployment_id, s.change_id, s.incident_id,
       s.occurred_at, s.detail, evidence_text(s.evidence) AS evidence, s.evidence::text AS evidence_json, s.owner,
       s.management_response, s.remediation_due, s.repeated, s.previous_response
FROM (
    SELECT f.rule_id, c.title AS control, f.severity, f.service, f.team, f.deployment_id, f.change_id,
           f.incident_id, f.occurred_at, f.detail, f.evidence, f.owner, f.response AS management_response,
           f.remediation_due, f.repeated, f.previous_response
    FROM finding f
    LEFT JOIN control_population c ON c.run_id = f.run_id AND c.rule_id = f.rule_id
    WHERE f.run_id = :run_id AND NOT f.pending
    ORDER BY f.rule_id, f.occurred_at, f.deployment_id NULLS FIRST, f.change_id NULLS FIRST, f.incident_id NULLS FIRST
) s
