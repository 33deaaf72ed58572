-- Rule RL03 deployed_rejected_change (high), event rule: the change's status is rejected or cancelled.
-- Reads: a_event. Columns: as RL01.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       'change ' || e.change_id || ' is ' || e.c_status || ' but was deployed' AS detail,
       jsonb_build_object('status', e.c_status, 'started_at', e.started_at) AS evidence,
       false AS pending
FROM a_event e
WHERE e.c_exists AND e.c_status IN ('rejected', 'cancelled')
