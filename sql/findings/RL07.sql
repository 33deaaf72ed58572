-- Rule RL07 blackout_deployment (high), event rule: started_at in [starts_at, ends_at) of at least one blackout
--   covering the service (services split on ';' and trimmed; none = all services), the change is not an
--   emergency, and it has no valid exception (all of RL10's conditions false). One finding however many
--   blackouts.
-- Reads: a_event, a_param, blackouts, exceptions. Columns: as RL01.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       'deployed during blackout ' || string_agg(b.blackout_id, ', ' ORDER BY b.blackout_id) AS detail,
       jsonb_build_object('blackouts', jsonb_agg(b.blackout_id ORDER BY b.blackout_id),
                          'started_at', e.started_at, 'exception_id', e.c_exception_id) AS evidence,
       false AS pending
FROM a_event e
CROSS JOIN a_param p
JOIN blackouts b ON e.started_at >= b.starts_at AND e.started_at < b.ends_at
 AND (NOT EXISTS (SELECT 1 FROM unnest(string_to_array(b.services, ';')) s WHERE trim(s) <> '')
      OR EXISTS (SELECT 1 FROM unnest(string_to_array(b.services, ';')) s WHERE trim(s) = e.service))
WHERE NOT e.c_emergency
  AND NOT EXISTS (
      SELECT 1 FROM exceptions x
      WHERE x.exception_id = e.c_exception_id
        AND x.granted_at <= e.started_at
        AND x.expires_at IS NOT NULL AND x.expires_at >= e.started_at
        AND x.expires_at - x.granted_at <= p.max_exception)
GROUP BY e.deployment_id, e.change_id, e.service, e.team, e.started_at, e.c_exception_id
