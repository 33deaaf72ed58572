-- Report data set: the incidents the period concerns: started or resolved in it, or still open; each marked
--   "open since" its start when it was still open at the period end.
-- Parameters: :run_id. Columns: as selected.
SELECT i.incident_id, i.service, i.severity, i.started_at, i.detected_at, i.acknowledged_at, i.resolved_at,
       incident_state(i.started_at, i.resolved_at, r.period_end) AS state,
       i.caused_by_deployment_id, i.caused_by_change_id, i.customer_impact, i.postmortem_at, i.title,
       f.path AS source_file, i.line_no AS source_line
FROM incidents i
JOIN source_file f ON f.file_id = i.file_id
JOIN analysis_run r ON r.run_id = :run_id
WHERE (i.started_at >= r.period_start AND i.started_at < r.period_end)
   OR (i.resolved_at >= r.period_start AND i.resolved_at < r.period_end)
   OR (i.resolved_at IS NULL AND i.started_at < r.period_end)
ORDER BY i.started_at, i.incident_id
