-- Rule RL10 invalid_exception (medium), event rule: the change's exception_id (the only link) names an exception
--   that does not exist, was granted after started_at, expired before started_at, has no expires_at, or spans
--   more than max_exception_days x 24 hours (expires_at - granted_at).
-- Reads: a_event, a_param, exceptions. Columns: as RL01.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       'exception ' || e.c_exception_id || ' is not valid: ' ||
       CASE WHEN x.exception_id IS NULL THEN 'it does not exist'
            WHEN x.granted_at > e.started_at THEN 'granted after the deployment started'
            WHEN x.expires_at IS NULL THEN 'it has no expiry'
            WHEN x.expires_at < e.started_at THEN 'expired before the deployment started'
            ELSE 'it spans more than the maximum' END AS detail,
       jsonb_build_object('exception_id', e.c_exception_id, 'granted_at', x.granted_at, 'expires_at', x.expires_at,
                          'started_at', e.started_at) AS evidence,
       false AS pending
FROM a_event e
CROSS JOIN a_param p
LEFT JOIN exceptions x ON x.exception_id = e.c_exception_id
WHERE e.c_exists AND e.c_exception_id IS NOT NULL
  AND (x.exception_id IS NULL OR x.granted_at > e.started_at OR x.expires_at IS NULL
       OR x.expires_at < e.started_at OR x.expires_at - x.granted_at > p.max_exception)
