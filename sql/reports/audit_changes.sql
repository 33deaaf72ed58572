-- Report data set: the changes named by the period's deployments, with their approvals (their own values and,
--   where the approvals come from a tool of their own, each approver's decision and time), windows and reviews.
-- Parameters: :run_id. Columns: as selected.
SELECT c.change_id, c.type, c.risk, c.service, c.status, c.requested_by, c.created_at, c.title, c.scope,
       c.approved_by, c.approval_type, c.approved_at, c.planned_start, c.planned_end, c.implemented_by, c.outcome,
       c.review_completed_at, c.exception_id, ca.approvals, f.path AS source_file, c.line_no AS source_line
FROM changes c
JOIN source_file f ON f.file_id = c.file_id
LEFT JOIN change_approvals ca ON ca.change_id = c.change_id
WHERE c.change_id IN (
    SELECT d.change_id FROM deployments d JOIN analysis_run r ON r.run_id = :run_id
    WHERE (d.started_at >= r.period_start AND d.started_at < r.period_end)
       OR (d.finished_at >= r.period_start AND d.finished_at < r.period_end))
ORDER BY c.change_id
