-- Rule RL04 self_approval (high), event rule, per change: requested_by is among approved_by (names compared
--   trimmed and case-insensitively). One finding per change, naming its earliest production deployment that
--   started in the period.
-- Reads: a_event, a_approver. Columns: as RL01.
SELECT DISTINCT ON (e.change_id)
       e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       'change ' || e.change_id || ' was approved by its requester ' || e.c_requested_by AS detail,
       jsonb_build_object('requested_by', e.c_requested_by, 'approved_by', e.c_approved_by) AS evidence,
       false AS pending
FROM a_event e
WHERE e.c_exists
  AND EXISTS (SELECT 1 FROM a_approver a WHERE a.change_id = e.change_id AND a.approver = lower(trim(e.c_requested_by)))
ORDER BY e.change_id, e.started_at, e.deployment_id
