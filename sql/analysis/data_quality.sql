-- Purpose: the data-quality register of an analysis run (DESIGN.md section 6): items that qualify the numbers
--   and are not control failures: rejected rows, values ignored at ingest, services missing from services,
--   incident causes that link nothing, durations that would be negative (left out of their statistic),
--   approvals that name no change (DESIGN.md 2.7), responses that match no finding of the job (this run's or an
--   earlier run's), and incidents still open at the period end that started more than stale_incident_days
--   (x 24 hours) before it (their downtime runs to the period end: a forgotten resolution would spend a budget).
-- Parameters: :run_id (the run's findings are stored before this runs).
-- Reads: the prepared populations (sql/analysis/prepare_ledger.sql, prepare_period.sql), the file registry,
--   rejected_row, ingest_note, finding, the view responses.
-- Columns: category, kind, record_id, file_id, line_no, detail.
SELECT 'rejected_row' AS category, f.kind, NULL AS record_id, r.file_id, r.line_no,
       f.path || ' line ' || r.line_no || ': ' || r.reason AS detail
FROM rejected_row r JOIN source_file f ON f.file_id = r.file_id AND f.status = 'loaded'
UNION ALL
SELECT 'ignored_value', f.kind, NULL, n.file_id, n.line_no, f.path || ' line ' || n.line_no || ': ' || n.note
FROM ingest_note n JOIN source_file f ON f.file_id = n.file_id AND f.status = 'loaded'
UNION ALL
SELECT 'unknown_service', 'services', s.scope_id, NULL, NULL,
       'service ' || s.scope_id || ' has events in the period but is not in services: team unassigned'
FROM a_scope s
WHERE s.scope = 'service' AND NOT EXISTS (SELECT 1 FROM a_service v WHERE v.service = s.scope_id)
UNION ALL
SELECT 'orphan_approval', 'approvals', a.approval_id, a.file_id, a.line_no,
       'approval ' || a.approval_id || ' by ' || a.approver || ' names change ' || a.change_id
           || ', which is not among the changes'
FROM a_approval a
WHERE NOT EXISTS (SELECT 1 FROM a_change c WHERE c.change_id = a.change_id)
UNION ALL
SELECT 'unlinked_cause', 'incidents', i.incident_id, i.file_id, i.line_no,
       'caused_by_deployment_id ' || i.caused_by_deployment_id || ' names no deployment'
FROM a_incident i
WHERE i.caused_by_deployment_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM a_deployment d WHERE d.deployment_id = i.caused_by_deployment_id)
UNION ALL
SELECT 'unlinked_cause', 'incidents', i.incident_id, i.file_id, i.line_no,
       'caused_by_change_id ' || i.caused_by_change_id || ' is carried by no deployment'
FROM a_incident i
WHERE i.caused_by_deployment_id IS NULL AND i.caused_by_change_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM a_deployment d WHERE d.change_id = i.caused_by_change_id)
UNION ALL
SELECT 'negative_duration', 'deployments', d.deployment_id, d.file_id, d.line_no,
       'first_commit_at ' || d.first_commit_at || ' is after finished_at ' || d.finished_at
           || ': left out of lead time'
FROM a_pd d
WHERE d.status = 'succeeded' AND d.first_commit_at > d.finished_at
UNION ALL
SELECT 'negative_duration', 'incidents', i.incident_id, i.file_id, i.line_no,
       'resolved_at ' || i.resolved_at || ' is before started_at ' || i.started_at || ': left out of time to restore'
FROM a_incident i CROSS JOIN a_param p
WHERE i.resolved_at < i.started_at
  AND ((i.resolved_at >= p.period_start AND i.resolved_at < p.period_end)
       OR (i.started_at >= p.period_start AND i.started_at < p.period_end))
UNION ALL
SELECT 'negative_duration', 'incidents', i.incident_id, i.file_id, i.line_no,
       'acknowledged_at ' || i.acknowledged_at || ' is before detected_at ' || coalesce(i.detected_at, i.started_at)
           || ': left out of time to acknowledge'
FROM a_incident i CROSS JOIN a_param p
WHERE i.acknowledged_at < coalesce(i.detected_at, i.started_at)
  AND i.resolved_at >= p.period_start AND i.resolved_at < p.period_end
UNION ALL
SELECT 'stale_incident', 'incidents', i.incident_id, i.file_id, i.line_no,
       'incident ' || i.incident_id || ' of ' || i.service || ' (severity ' || i.severity || ') has been open since '
           || to_char(i.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC and was still open at the'
           || ' period end: ' || CASE WHEN i.customer_impact THEN 'its downtime runs to the period end'
                                      ELSE 'it has no customer impact, so it spends no budget' END
           || '; check whether its resolution was recorded'
FROM a_incident i CROSS JOIN a_param p
WHERE i.started_at < p.period_end - p.stale_incident
  AND (i.resolved_at IS NULL OR i.resolved_at >= p.period_end)
UNION ALL
SELECT 'unmatched_response', 'responses', r.rule_id || ' ' || concat_ws(' ', r.deployment_id, r.change_id, r.incident_id),
       r.file_id, r.line_no,
       'the response of ' || coalesce(r.owner, 'no owner') || ' to ' || r.rule_id || ' '
           || coalesce(nullif(concat_ws(' / ', r.deployment_id, r.change_id, r.incident_id), ''), '(no ids)')
           || ' matches no finding of this run or of an earlier run of the job: check its ids'
FROM responses r
WHERE NOT EXISTS (SELECT 1 FROM finding f JOIN analysis_run fr ON fr.run_id = f.run_id
                  WHERE fr.job = (SELECT job FROM analysis_run WHERE run_id = :run_id) AND f.run_id <= :run_id
                    AND finding_key(f.rule_id, f.deployment_id, f.change_id, f.incident_id) = r.response_key)
