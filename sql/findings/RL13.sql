-- Rule RL13 release_during_exhausted_budget (medium), event rule: the service's error budget for this period was
--   exhausted at or before started_at (exhausted_at <= started_at), the change is not an emergency and the
--   deployment is not a hotfix.
-- Reads: a_event, a_budget. Columns: as RL01.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       'released while the error budget of ' || e.service || ' was exhausted' AS detail,
       jsonb_build_object('exhausted_at', b.exhausted_at, 'started_at', e.started_at, 'is_hotfix', e.is_hotfix)
           AS evidence,
       false AS pending
FROM a_event e
JOIN a_budget b ON b.service = e.service
WHERE b.exhausted_at <= e.started_at AND NOT e.c_emergency AND NOT e.is_hotfix
