-- Rule RL14 rollback_without_review (medium), deadline rule: rolled_back production deployments (any period);
--   due = finished_at + pir_days x 24 hours; a finding, when the deadline falls in the period and at or before
--   as_of, unless an existing change's review_completed_at lies in [finished_at, due] (a review before the
--   rollback does not count, here and for pending). Pending: finished at or before as_of, due after as_of, and
--   no review in [finished_at, as_of].
-- Reads: a_deployment, a_param, a_change. Columns: as RL01.
WITH due AS (
    SELECT d.deployment_id, d.change_id, d.service, d.team, d.finished_at, d.finished_at + p.pir AS due_at,
           c.review_completed_at
    FROM a_deployment d
    CROSS JOIN a_param p
    LEFT JOIN a_change c ON c.change_id = d.change_id
    WHERE d.is_production AND d.status = 'rolled_back'
)
SELECT d.deployment_id, d.change_id, NULL AS incident_id, d.service, d.team, d.due_at AS occurred_at,
       CASE WHEN pending THEN 'review of rollback ' || d.deployment_id || ' due ' || d.due_at || ', after as_of'
            ELSE 'rollback ' || d.deployment_id || ' was not reviewed within its deadline' END AS detail,
       jsonb_build_object('finished_at', d.finished_at, 'due', d.due_at,
                          'review_completed_at', d.review_completed_at) AS evidence,
       pending
FROM due d
CROSS JOIN a_param p
CROSS JOIN LATERAL (SELECT d.due_at > p.as_of AS pending) x
WHERE (NOT pending AND d.due_at >= p.period_start AND d.due_at < p.period_end AND d.due_at <= p.as_of
       AND NOT coalesce(d.review_completed_at BETWEEN d.finished_at AND d.due_at, false))
   OR (pending AND d.finished_at <= p.as_of
       AND NOT coalesce(d.review_completed_at BETWEEN d.finished_at AND p.as_of, false))
