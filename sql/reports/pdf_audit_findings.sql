-- Report data set (PDF): the exceptions register: each finding with its evidence (section 4).
--   Read by the template reports/audit-pack/findings.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT rule_id || ' ' || coalesce((SELECT c.name FROM control_population c WHERE c.run_id = f.run_id AND c.rule_id = f.rule_id), '') AS rule, service, deployment_id, change_id, incident_id, occurred_at, detail, evidence::text AS evidence FROM (SELECT f.*, row_number() OVER (PARTITION BY rule_id ORDER BY occurred_at, deployment_id, change_id, incident_id) AS n FROM finding f WHERE f.run_id = :run_id AND NOT f.pending) f WHERE n <= 2000 ORDER BY rule_id, occurred_at, deployment_id NULLS FIRST, change_id NULLS FIRST, incident_id NULLS FIRST
