-- Rule RL06 cab_approval_missing (medium), event rule, per change: type normal, risk among cab_required_risks,
--   approval_type not cab (or empty). One finding per change, naming its earliest production deployment that
--   started in the period.
-- Reads: a_event, a_param. Columns: as RL01.
SELECT DISTINCT ON (e.change_id)
       e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       e.c_risk || '-risk normal change ' || e.change_id || ' was not approved by the CAB' AS detail,
       jsonb_build_object('risk', e.c_risk, 'approval_type', e.c_approval_type) AS evidence,
       false AS pending
FROM a_event e
CROSS JOIN a_param p
WHERE e.c_exists AND e.c_type = 'normal' AND e.c_risk = ANY (p.cab_required_risks)
  AND (e.c_approval_type IS NULL OR e.c_approval_type <> 'cab')
ORDER BY e.change_id, e.started_at, e.deployment_id
