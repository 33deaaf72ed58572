-- Report data set: every metric value of the run, for every scope.
-- Parameters: :run_id. Columns: as selected.
SELECT m.scope, m.scope_id, m.metric, m.value, m.unit, m.numerator, m.denominator, m.band
FROM metric_value m
WHERE m.run_id = :run_id
ORDER BY CASE m.scope WHEN 'org' THEN 0 WHEN 'team' THEN 1 ELSE 2 END, m.scope_id, m.metric
