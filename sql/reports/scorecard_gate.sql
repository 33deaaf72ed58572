-- Report data set: the share of each team's production deployments in the period that passed the deployment gate
--   (an allow, or a block overridden, asked in the policy's gate_max_age_minutes before the start: gate_coverage(),
--   sql/migrations/V17), and the organisation's on the last row; null when there are none.
-- Parameters: :run_id. Columns: as selected.
SELECT CASE WHEN GROUPING(coalesce(team, '(none)')) = 1 THEN '(organisation)' ELSE coalesce(team, '(none)') END
           AS team,
       count(*) AS production_deployments,
       count(*) FILTER (WHERE gate_decision IN ('allow', 'override')) AS passed_gate,
       count(*) FILTER (WHERE gate_decision = 'override') AS of_which_overridden,
       round(count(*) FILTER (WHERE gate_decision IN ('allow', 'override'))::numeric / nullif(count(*), 0), 4)
           AS passed_gate_rate
FROM gate_coverage(:run_id)
GROUP BY ROLLUP (coalesce(team, '(none)'))
ORDER BY GROUPING(coalesce(team, '(none)')), 1
