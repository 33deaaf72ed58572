-- Rule RL01 deployment_without_change (high), event rule: a production deployment that started in the period
--   with no change_id, or a change_id that is not among the changes.
-- Reads: a_event. Columns: deployment_id, change_id, incident_id, service, team, occurred_at, detail, evidence,
--   pending.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       'deployment ' || e.deployment_id || ' has no known change (' || coalesce(e.change_id, 'none') || ')' AS detail,
       -- the detail is fixed by the conformance case; the evidence says which of the two cases it is
       jsonb_build_object('change_id', e.change_id,
                          'reason', CASE WHEN e.change_id IS NULL THEN 'the deployment names no change'
                                         ELSE 'change ' || e.change_id || ' does not exist among the changes' END,
                          'started_at', e.started_at) AS evidence,
       false AS pending
FROM a_event e
WHERE NOT e.c_exists
