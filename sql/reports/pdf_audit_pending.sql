-- Report data set (PDF): the pending items: open obligations at as_of with their deadlines, each under its rule's
--   code and plain name. Read by the template reports/audit-pack/pending.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT f.rule_id || ' ' || coalesce(c.title, '') AS rule, f.service, f.deployment_id, f.change_id, f.incident_id,
       f.occurred_at AS deadline, f.detail
FROM finding f
LEFT JOIN control_population c ON c.run_id = f.run_id AND c.rule_id = f.rule_id
WHERE f.run_id = :run_id AND f.pending
ORDER BY f.rule_id, f.occurred_at, f.deployment_id NULLS FIRST, f.change_id NULLS FIRST, f.incident_id NULLS FIRST
