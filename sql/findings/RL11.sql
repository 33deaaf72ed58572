-- Rule RL11 postmortem_overdue (medium), deadline rule, per incident: resolved incidents with severity at most
--   postmortem_max_severity; due = resolved_at + postmortem_days x 24 hours; a finding when the deadline falls in
--   the period and at or before as_of, and postmortem_at is null or after due. Pending: resolved at or before
--   as_of, due after as_of, postmortem empty or after as_of. No deployment or change named.
-- Reads: a_incident, a_param. Columns: as RL01.
WITH due AS (
    SELECT i.*, i.resolved_at + p.postmortem AS due_at
    FROM a_incident i
    CROSS JOIN a_param p
    WHERE i.resolved_at IS NOT NULL AND i.severity <= p.postmortem_max_severity
)
SELECT NULL AS deployment_id, NULL AS change_id, d.incident_id, d.service, d.team, d.due_at AS occurred_at,
       CASE WHEN pending THEN 'postmortem of ' || d.incident_id || ' due ' || d.due_at || ', after as_of'
            WHEN d.postmortem_at IS NULL THEN 'severity ' || d.severity || ' incident ' || d.incident_id
                 || ' has no postmortem'
            ELSE 'the postmortem of ' || d.incident_id || ' came after its deadline' END AS detail,
       jsonb_build_object('severity', d.severity, 'resolved_at', d.resolved_at, 'due', d.due_at,
                          'postmortem_at', d.postmortem_at) AS evidence,
       pending
FROM due d
CROSS JOIN a_param p
CROSS JOIN LATERAL (SELECT d.due_at > p.as_of AS pending) x
WHERE (NOT pending AND d.due_at >= p.period_start AND d.due_at < p.period_end AND d.due_at <= p.as_of
       AND (d.postmortem_at IS NULL OR d.postmortem_at > d.due_at))
   OR (pending AND d.resolved_at <= p.as_of AND (d.postmortem_at IS NULL OR d.postmortem_at > p.as_of))
