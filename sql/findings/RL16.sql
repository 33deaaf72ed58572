-- Rule RL16 deployed_without_gate (medium), event rule, only when the policy sets gate_required: a production
--   deployment that started in the period with no gate decision allowing it (an allow, or an overridden block) for
--   its service and change, taken by the job's gate for a production environment, asked in the
--   gate_max_age_minutes before its start, up to the start itself (DESIGN.md section 9). A deployment without a
--   change needs a decision that named no change. Which decision counts is gate_leave() (sql/migrations/V17), the
--   same function the documents' gate registers read.
-- Reads: a_event, a_param, gate_decision (through gate_leave). Columns: as RL01.
SELECT e.deployment_id, e.change_id, NULL AS incident_id, e.service, e.team, e.started_at AS occurred_at,
       'deployment ' || e.deployment_id || ' started without the gate''s leave in the '
           || extract(epoch FROM p.gate_max_age)::bigint / 60 || ' minutes before it'
           || CASE WHEN leave.decision = 'block' THEN ' (the gate blocked it: decision ' || leave.decision_id || ')'
                   ELSE '' END AS detail,
       jsonb_build_object('started_at', e.started_at, 'gate_max_age_minutes',
                          extract(epoch FROM p.gate_max_age)::bigint / 60,
                          'decision_in_window', leave.decision_id,
                          'last_decision', (SELECT g.decision || ' at ' || to_char(g.asked_at AT TIME ZONE 'UTC',
                                                   'YYYY-MM-DD HH24:MI:SS') || ' UTC'
                                            FROM gate_decision g
                                            WHERE g.job = p.job AND g.service = e.service
                                              AND g.change_id IS NOT DISTINCT FROM e.change_id
                                              AND g.asked_at <= e.started_at
                                            ORDER BY g.asked_at DESC LIMIT 1)) AS evidence,
       false AS pending
FROM a_event e
CROSS JOIN a_param p
LEFT JOIN LATERAL gate_leave(p.job, e.service, e.change_id, e.started_at, p.gate_max_age) leave ON true
WHERE p.gate_required
  AND (leave.decision IS NULL OR leave.decision <> 'allow')
