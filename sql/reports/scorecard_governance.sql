-- Report data set: governance health: findings by team and severity, pending items, and exceptions in force.
-- Parameters: :run_id. Columns: as selected.
SELECT coalesce(f.team, '(none)') AS team,
       count(*) FILTER (WHERE NOT f.pending AND f.severity = 'high') AS high_findings,
       count(*) FILTER (WHERE NOT f.pending AND f.severity = 'medium') AS medium_findings,
       count(*) FILTER (WHERE f.pending) AS pending_items,
       count(DISTINCT f.rule_id) FILTER (WHERE NOT f.pending) AS rules_breached
FROM finding f
WHERE f.run_id = :run_id
GROUP BY f.team
ORDER BY f.team
