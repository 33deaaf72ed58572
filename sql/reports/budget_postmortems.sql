-- Report data set: postmortem compliance (DESIGN.md 7.2), judged at as_of as RL11 and the pending items are: every
--   severe incident (severity at most postmortem_max_severity) whose postmortem deadline (resolved_at +
--   postmortem_days x 24 hours) fell in the period by as_of, on time or not (RL11's population), and the
--   postmortems still due after as_of (its pending items); with the compliance rate: on time / due.
-- Parameters: :run_id. Columns: as selected; due_in_period, on_time, compliance_rate and due_after_as_of repeat on
--   every row.
WITH run AS (SELECT * FROM analysis_run WHERE run_id = :run_id),
severe AS (
    SELECT i.service, i.incident_id, i.severity, i.resolved_at, i.postmortem_at,
           i.resolved_at + (run.policy ->> 'postmortem_days')::integer * interval '24 hours' AS deadline
    FROM incidents i CROSS JOIN run
    WHERE i.resolved_at IS NOT NULL AND i.severity <= (run.policy ->> 'postmortem_max_severity')::integer
), listed AS (
    SELECT s.*,
           CASE WHEN s.deadline > run.as_of THEN 'due after as_of'
                WHEN s.postmortem_at <= s.deadline THEN 'on time'
                WHEN s.postmortem_at IS NULL OR s.postmortem_at > run.as_of THEN 'overdue: none by as_of'
                ELSE 'overdue: late' END AS state
    FROM severe s CROSS JOIN run
    WHERE (s.deadline >= run.period_start AND s.deadline < run.period_end AND s.deadline <= run.as_of)
       OR (s.deadline > run.as_of AND s.resolved_at <= run.as_of
           AND (s.postmortem_at IS NULL OR s.postmortem_at > run.as_of))
)
SELECT l.service, l.incident_id, l.severity, l.state, l.resolved_at, l.deadline,
       CASE WHEN l.postmortem_at <= run.as_of THEN l.postmortem_at END AS postmortem_by_as_of,
       count(*) FILTER (WHERE l.state <> 'due after as_of') OVER () AS due_in_period,
       count(*) FILTER (WHERE l.state = 'on time') OVER () AS on_time,
       (count(*) FILTER (WHERE l.state = 'on time') OVER ())::numeric
           / nullif(count(*) FILTER (WHERE l.state <> 'due after as_of') OVER (), 0) AS compliance_rate,
       count(*) FILTER (WHERE l.state = 'due after as_of') OVER () AS due_after_as_of
FROM listed l CROSS JOIN run
ORDER BY CASE l.state WHEN 'overdue: none by as_of' THEN 1 WHEN 'overdue: late' THEN 2 WHEN 'on time' THEN 3 ELSE 4 END,
         l.deadline, l.incident_id
