-- Rule RL02 deployed_before_approval (high), event rule: the change exists, its type is normal, and approved_at is
--   null or after the deployment's started_at.
-- Reads: a_event. Columns: as RL01.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       CASE WHEN e.c_approved_at IS NULL THEN 'normal change ' || e.change_id || ' was never approved'
            ELSE 'deployed before normal change ' || e.change_id || ' was approved' END AS detail,
       jsonb_build_object('type', e.c_type, 'approved_at', e.c_approved_at, 'started_at', e.started_at) AS evidence,
       false AS pending
FROM a_event e
WHERE e.c_exists AND e.c_type = 'normal' AND (e.c_approved_at IS NULL OR e.c_approved_at > e.started_at)
