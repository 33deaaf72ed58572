-- Rule RL09 emergency_review_overdue (high), deadline rule, per change: for each emergency change, due = the
--   started_at of its first production deployment ever + emergency_review_days x 24 hours. A finding when the
--   deadline falls in the period and at or before as_of, and review_completed_at is null or after due. Pending
--   (an open obligation at as_of): first deployment at or before as_of, due after as_of, review empty or after
--   as_of. Names the first production deployment; occurred_at is the deadline.
-- Reads: a_deployment, a_param, a_change. Columns: as RL01.
WITH first_deployment AS (
    SELECT DISTINCT ON (d.change_id) d.deployment_id, d.change_id, d.service, d.team, d.started_at
    FROM a_deployment d
    JOIN a_change c ON c.change_id = d.change_id AND c.type = 'emergency'
    WHERE d.is_production
    ORDER BY d.change_id, d.started_at, d.deployment_id
), due AS (
    SELECT f.*, f.started_at + p.emergency_review AS due_at, c.review_completed_at
    FROM first_deployment f
    CROSS JOIN a_param p
    JOIN a_change c ON c.change_id = f.change_id
)
SELECT d.deployment_id, d.change_id, NULL AS incident_id, d.service, d.team, d.due_at AS occurred_at,
       CASE WHEN pending THEN 'review of emergency change ' || d.change_id || ' due ' || d.due_at || ', after as_of'
            WHEN d.review_completed_at IS NULL THEN 'emergency change ' || d.change_id || ' was never reviewed'
            ELSE 'emergency change ' || d.change_id || ' was reviewed after its deadline' END AS detail,
       jsonb_build_object('first_deployment_started_at', d.started_at, 'due', d.due_at,
                          'review_completed_at', d.review_completed_at) AS evidence,
       pending
FROM due d
CROSS JOIN a_param p
CROSS JOIN LATERAL (SELECT d.due_at > p.as_of AS pending) x
WHERE (NOT pending AND d.due_at >= p.period_start AND d.due_at < p.period_end AND d.due_at <= p.as_of
       AND (d.review_completed_at IS NULL OR d.review_completed_at > d.due_at))
   OR (pending AND d.started_at <= p.as_of
       AND (d.review_completed_at IS NULL OR d.review_completed_at > p.as_of))
