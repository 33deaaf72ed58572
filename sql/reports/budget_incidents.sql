-- Report data set: the incidents that spent the budgets: customer-impacting incidents of services with an SLO
--   that overlap the period, with the minutes each spent inside it (overlaps with other incidents not removed).
--   An incident still open at the period end (never resolved, or resolved after it) is marked "open since" its
--   start: its downtime runs to the period end (DESIGN.md section 5).
-- Parameters: :run_id. Columns: as selected.
SELECT i.service, i.incident_id, i.severity, i.started_at, i.resolved_at,
       incident_state(i.started_at, i.resolved_at, r.period_end) AS state,
       extract(epoch FROM least(coalesce(i.resolved_at, r.period_end), r.period_end)
                          - greatest(i.started_at, r.period_start)) / 60 AS minutes_in_period,
       i.caused_by_deployment_id, i.title
FROM incidents i
JOIN error_budget b ON b.run_id = :run_id AND b.service = i.service
JOIN analysis_run r ON r.run_id = :run_id
WHERE i.customer_impact
  AND i.started_at < r.period_end AND coalesce(i.resolved_at, r.period_end) > r.period_start
  AND coalesce(i.resolved_at, r.period_end) > i.started_at
ORDER BY i.service, i.started_at, i.incident_id
