-- Rule RL05 approver_deployed (medium), event rule: an approver of the change is its implemented_by or this
--   deployment's deployed_by (names compared trimmed and case-insensitively).
-- Reads: a_event, a_approver. Columns: as RL01.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       'an approver of change ' || e.change_id || ' also implemented or deployed it' AS detail,
       jsonb_build_object('approved_by', e.c_approved_by, 'implemented_by', e.c_implemented_by,
                          'deployed_by', e.deployed_by) AS evidence,
       false AS pending
FROM a_event e
WHERE e.c_exists
  AND EXISTS (SELECT 1 FROM a_approver a
              WHERE a.change_id = e.change_id
                AND (a.approver = lower(trim(e.c_implemented_by)) OR a.approver = lower(trim(e.deployed_by))))
