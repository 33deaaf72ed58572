-- Report data set: the per-control results: each rule (its plain name and code name), its population, its
--   exceptions (findings) and the exception rate, with the pending items still open at as_of.
-- Parameters: :run_id. Columns: as selected.
SELECT c.rule_id, c.title AS control, c.name, c.severity, c.tested, c.population,
       (SELECT count(*) FROM finding f WHERE f.run_id = c.run_id AND f.rule_id = c.rule_id AND NOT f.pending)
           AS exceptions,
       (SELECT count(*) FROM finding f WHERE f.run_id = c.run_id AND f.rule_id = c.rule_id AND NOT f.pending)::numeric
           / nullif(c.population, 0) AS exception_rate,
       (SELECT count(*) FROM finding f WHERE f.run_id = c.run_id AND f.rule_id = c.rule_id AND f.pending) AS pending
FROM control_population c
WHERE c.run_id = :run_id
ORDER BY c.rule_id
