-- Rule RL03 deployed_rejected_change (high), event rule: the change's status is rejected or cancelled, or its
--   final approval decision is rejected whatever its status (DESIGN.md 2.7).
-- Reads: a_event. Columns: as RL01.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       CASE WHEN e.c_status IN ('rejected', 'cancelled')
            THEN 'change ' || e.change_id || ' is ' || e.c_status || ' but was deployed'
            ELSE 'change ' || e.change_id || ' was rejected by ' || e.c_final_approver
                 || ' (its final approval decision) but was deployed' END AS detail,
       jsonb_build_object('status', e.c_status, 'started_at', e.started_at)
           || CASE WHEN e.c_final_rejected
                   THEN jsonb_build_object('final_decision', 'rejected', 'final_decision_by', e.c_final_approver,
                                           'final_decided_at', e.c_final_decided_at)
                   ELSE '{}'::jsonb END AS evidence,
       false AS pending
FROM a_event e
WHERE e.c_exists AND (e.c_status IN ('rejected', 'cancelled') OR e.c_final_rejected)
