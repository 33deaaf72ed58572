-- Report data set (PDF): the exceptions register (the workbook's Exceptions sheet, sql/reports/audit_findings.sql,
--   has every finding): the first 2,000 findings of each rule, headed by the rule's plain name and code, with the
--   evidence as labelled fields, management's response and whether the finding repeats one of the previous period.
--   Read by the template reports/audit-pack/findings.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT f.rule_id || ' ' || coalesce(c.title || ' (' || c.name || ')', '') AS rule, f.service, f.deployment_id,
       f.change_id, f.incident_id, f.occurred_at,
       f.detail || CASE WHEN f.repeated THEN E'\nRepeated: also a finding of the previous period' ELSE '' END
           AS detail,
       evidence_text(f.evidence) AS evidence, f.owner,
       f.response || CASE WHEN f.repeated AND f.previous_response IS NOT NULL
                          THEN E'\nEarlier: ' || f.previous_response ELSE '' END AS response,
       f.remediation_due
FROM (SELECT f.*, row_number() OVER (PARTITION BY f.rule_id ORDER BY f.occurred_at, f.deployment_id, f.change_id,
                                                                      f.incident_id) AS n
      FROM finding f WHERE f.run_id = :run_id AND NOT f.pending) f
LEFT JOIN control_population c ON c.run_id = f.run_id AND c.rule_id = f.rule_id
WHERE f.n <= 2000
ORDER BY f.rule_id, f.occurred_at, f.deployment_id NULLS FIRST, f.change_id NULLS FIRST, f.incident_id NULLS FIRST
