-- Rule RL12 failed_change_closed_successful (medium), per change, over PD (not the event population): the
--   change's outcome is successful but one of its members of PD failed, was rolled back, or is a failed change.
--   Names its earliest failing member of PD (which may have started before the period).
-- Reads: a_pd, a_change, a_link. Columns: as RL01.
SELECT DISTINCT ON (d.change_id)
       d.deployment_id, d.change_id, NULL AS incident_id, d.service, d.team, d.started_at AS occurred_at,
       'change ' || d.change_id || ' closed as successful though deployment ' || d.deployment_id || ' '
           || CASE WHEN d.status = 'failed' THEN 'failed' WHEN d.status = 'rolled_back' THEN 'was rolled back'
                   ELSE 'caused an incident' END AS detail,
       -- the fact that triggered the rule: the deployment's status, or the incidents linked to it
       jsonb_build_object('change_outcome', c.outcome, 'deployment_status', d.status,
                          'linked_incidents', (SELECT jsonb_agg(l.incident_id ORDER BY l.incident_id)
                                               FROM a_link l WHERE l.deployment_id = d.deployment_id)) AS evidence,
       false AS pending
FROM a_pd d
JOIN a_change c ON c.change_id = d.change_id
WHERE c.outcome = 'successful' AND (d.status IN ('failed', 'rolled_back') OR d.is_failed_change)
ORDER BY d.change_id, d.started_at, d.deployment_id
