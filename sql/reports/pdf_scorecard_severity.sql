-- Report data set (PDF): the findings chart: findings per team and severity.
--   Read by the template reports/scorecard.jrxml (its data set "severity").
-- Parameters: :run_id. Columns: as selected.
SELECT coalesce(f.team, '(none)') AS team, f.severity, count(*)::double precision AS n
FROM finding f WHERE f.run_id = :run_id AND NOT f.pending
GROUP BY f.team, f.severity ORDER BY f.severity, f.team
