-- Report data set: the changes named by the period's deployments, with their approvals (their own values and,
--   where the approvals come from a tool of their own, each approver's decision and time), windows and reviews,
--   and whether each is in the tested population of the per-change rules (named by a tested deployment: a
--   production deployment, not cancelled, that started in the period; the reconciliation's step 13).
-- Parameters: :run_id. Columns: as selected.
WITH run AS (SELECT r.*, ARRAY(SELECT jsonb_array_elements_text(r.policy -> 'production_environments')) AS envs
             FROM analysis_run r WHERE r.run_id = :run_id),
period AS (
    SELECT d.change_id,
           bool_or(lower(d.environment) = ANY (run.envs) AND d.status <> 'cancelled'
                   AND d.started_at >= run.period_start AND d.started_at < run.period_end) AS tested
    FROM deployments d CROSS JOIN run
    WHERE (d.started_at >= run.period_start AND d.started_at < run.period_end)
       OR (d.finished_at >= run.period_start AND d.finished_at < run.period_end)
    GROUP BY d.change_id)
SELECT c.change_id, c.type, c.risk, c.service, c.status, c.requested_by, c.created_at, c.title, c.scope,
       c.approved_by, c.approval_type, c.approved_at, c.planned_start, c.planned_end, c.implemented_by, c.outcome,
       c.review_completed_at, c.exception_id, ca.approvals, p.tested AS in_tested_population,
       f.path AS source_file, c.line_no AS source_line
FROM changes c
JOIN period p ON p.change_id = c.change_id
JOIN source_file f ON f.file_id = c.file_id
LEFT JOIN change_approvals ca ON ca.change_id = c.change_id
ORDER BY c.change_id
