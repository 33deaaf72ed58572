-- Rule RL08 outside_change_window (medium), event rule: planned_start and planned_end set, and started_at before
--   planned_start or finished_at after planned_end (an in_progress deployment: started_at only).
-- Reads: a_event. Columns: as RL01.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       'deployment ran outside the approved window of change ' || e.change_id AS detail,
       jsonb_build_object('planned_start', e.c_planned_start, 'planned_end', e.c_planned_end,
                          'started_at', e.started_at, 'finished_at', e.finished_at) AS evidence,
       false AS pending
FROM a_event e
WHERE e.c_exists AND e.c_planned_start IS NOT NULL AND e.c_planned_end IS NOT NULL
  AND (e.started_at < e.c_planned_start
       OR (e.status <> 'in_progress' AND e.finished_at > e.c_planned_end))
