-- Report data set: the exceptions in force during the period (granted before its end, not expired before its
--   start, or with no expiry), with the changes that rely on them and whether each is valid (RL10's conditions).
-- Parameters: :run_id. Columns: as selected.
WITH run AS (SELECT * FROM analysis_run WHERE run_id = :run_id)
SELECT x.exception_id, x.reason, x.approved_by, x.granted_at, x.expires_at,
       extract(epoch FROM x.expires_at - x.granted_at) / 86400 AS span_days,
       CASE WHEN x.expires_at IS NULL THEN 'no expiry'
            WHEN x.expires_at - x.granted_at > (run.policy ->> 'max_exception_days')::integer * interval '24 hours'
                THEN 'spans more than the maximum'
            ELSE 'within the maximum' END AS span,
       (SELECT string_agg(c.change_id, '; ' ORDER BY c.change_id) FROM changes c
        WHERE c.exception_id = x.exception_id) AS relied_on_by,
       x.change_id AS named_change
FROM exceptions x
CROSS JOIN run
WHERE x.granted_at < run.period_end AND (x.expires_at IS NULL OR x.expires_at >= run.period_start)
ORDER BY x.granted_at, x.exception_id
