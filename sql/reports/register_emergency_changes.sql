-- Report data set: the register of emergency changes whose first production deployment started in the period,
--   with their retrospective review against the deadline (emergency_review_days x 24 hours); approved_by names
--   the change's own approvers and each approval record's approver, decision and time. Judged at as_of as RL09 and
--   the pending items are (DESIGN.md section 6): a review recorded after as_of does not count (reviewed_by_as_of
--   is empty), and a review whose deadline is after as_of is an open obligation, not "not reviewed".
--   RL09 judges the changes whose deadline fell in the period, some first deployed in the period before, so its
--   count can differ from this register's "not reviewed by the deadline".
-- Parameters: :run_id. Columns: as selected.
WITH run AS (SELECT * FROM analysis_run WHERE run_id = :run_id),
first_deployment AS (
    SELECT DISTINCT ON (d.change_id) d.change_id, d.deployment_id, d.service, d.started_at
    FROM deployments d
    JOIN changes c ON c.change_id = d.change_id AND c.type = 'emergency'
    CROSS JOIN run
    CROSS JOIN LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(run.policy -> 'production_environments'))
                        AS envs) p
    WHERE lower(d.environment) = ANY (p.envs) AND d.status <> 'cancelled'
    ORDER BY d.change_id, d.started_at, d.deployment_id
)
SELECT f.change_id, c.service, c.risk, c.requested_by, concat_ws('; ', c.approved_by, ca.approvals) AS approved_by,
       c.approved_at, f.deployment_id AS first_deployment,
       f.started_at AS first_deployed_at,
       due.at AS review_due,
       CASE WHEN c.review_completed_at <= run.as_of THEN c.review_completed_at END AS reviewed_by_as_of,
       c.review_completed_at AS review_recorded_at,
       CASE WHEN c.review_completed_at <= run.as_of AND c.review_completed_at <= due.at THEN 'reviewed in time'
            WHEN c.review_completed_at <= run.as_of THEN 'reviewed late'
            WHEN due.at > run.as_of THEN 'open: review due after as_of'
            ELSE 'not reviewed by the deadline' END AS review
FROM first_deployment f
JOIN changes c ON c.change_id = f.change_id
LEFT JOIN change_approvals ca ON ca.change_id = f.change_id
CROSS JOIN run
CROSS JOIN LATERAL (SELECT f.started_at + (run.policy ->> 'emergency_review_days')::integer * interval '24 hours'
                    AS at) due
WHERE f.started_at >= run.period_start AND f.started_at < run.period_end
ORDER BY f.started_at, f.change_id
