-- Rule RL15 manual_rollback_without_test_evidence (medium), event rule: the service's rollback is manual and the
--   deployment has no test_evidence.
-- Reads: a_event, a_service. Columns: as RL01.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       'no test evidence for a deployment of ' || e.service || ', which rolls back by hand' AS detail,
       jsonb_build_object('rollback', s.rollback, 'test_evidence', e.test_evidence) AS evidence,
       false AS pending
FROM a_event e
JOIN a_service s ON s.service = e.service
WHERE s.rollback = 'manual' AND e.test_evidence IS NULL
