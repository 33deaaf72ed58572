-- Report data set (PDF): the pending items: open obligations at as_of with their deadlines (section 5).
--   Read by the template reports/audit-pack/pending.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT rule_id, service, deployment_id, change_id, incident_id, occurred_at AS deadline, detail FROM finding WHERE run_id = :run_id AND pending ORDER BY rule_id, occurred_at, deployment_id NULLS FIRST, change_id NULLS FIRST, incident_id NULLS FIRST
