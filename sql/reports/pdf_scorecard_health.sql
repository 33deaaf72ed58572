-- Report data set (PDF): the scorecard's health table: error budgets (services healthy, at risk, exhausted) and
--   governance (findings by severity, obligations open at as_of, controls breached, exceptions in force) and the
--   production deployments that passed the deployment gate (gate_coverage(): of how many, and the share), each
--   with the value of the previous period where the ledger has it (the trend run for budgets; the job's latest
--   full run of that period for governance, whose trend runs compute no findings).
--   Read by the template reports/scorecard/health.jrxml.
-- Parameters: :run_id. Columns: area, measure, value, previous (null when unknown), position.
WITH run AS (SELECT * FROM analysis_run WHERE run_id = :run_id),
trend AS (SELECT t.run_id FROM run JOIN analysis_run t ON t.trend_of = run.run_id AND t.period_end = run.period_start),
earlier AS (
    SELECT max(e.run_id) AS run_id FROM run JOIN analysis_run e ON e.job = run.job AND e.trend_of IS NULL
        AND e.finished_at IS NOT NULL AND e.period_end = run.period_start),
budgets AS (
    SELECT b.run_id,
           count(*) FILTER (WHERE (b.allowed - b.consumed) / b.allowed >= 0.25) AS healthy,
           count(*) FILTER (WHERE (b.allowed - b.consumed) / b.allowed < 0.25
                              AND (b.allowed - b.consumed) / b.allowed > 0) AS at_risk,
           count(*) FILTER (WHERE (b.allowed - b.consumed) / b.allowed <= 0) AS exhausted
    FROM error_budget b
    WHERE b.run_id = :run_id OR b.run_id = (SELECT run_id FROM trend)
    GROUP BY b.run_id),
governance AS (
    SELECT f.run_id,
           count(*) FILTER (WHERE NOT f.pending AND f.severity = 'high') AS high,
           count(*) FILTER (WHERE NOT f.pending AND f.severity = 'medium') AS medium,
           count(*) FILTER (WHERE f.pending) AS pending,
           count(DISTINCT f.rule_id) FILTER (WHERE NOT f.pending) AS breached
    FROM finding f
    WHERE f.run_id = :run_id OR f.run_id = (SELECT run_id FROM earlier)
    GROUP BY f.run_id),
gate AS (
    SELECT count(*) AS deployments, count(*) FILTER (WHERE gate_decision IN ('allow', 'override')) AS passed
    FROM gate_coverage(:run_id)),
exceptions_in_force AS (
    SELECT count(*) AS n FROM exceptions x CROSS JOIN run
    WHERE x.granted_at < run.period_end AND (x.expires_at IS NULL OR x.expires_at >= run.period_start)),
b_now AS (SELECT * FROM budgets WHERE run_id = :run_id),
b_then AS (SELECT * FROM budgets WHERE run_id = (SELECT run_id FROM trend)),
g_now AS (SELECT * FROM governance WHERE run_id = :run_id),
g_then AS (SELECT * FROM governance WHERE run_id = (SELECT run_id FROM earlier)),
has_earlier AS (SELECT run_id IS NOT NULL AS yes FROM earlier)
SELECT area, measure, value, previous
FROM (SELECT 1) one
LEFT JOIN b_now ON true LEFT JOIN b_then ON true LEFT JOIN g_now ON true LEFT JOIN g_then ON true
CROSS JOIN exceptions_in_force CROSS JOIN has_earlier CROSS JOIN gate,
LATERAL (VALUES
    (1, 'Error budgets', 'healthy (25 % or more left)', coalesce(b_now.healthy, 0), b_then.healthy),
    (2, 'Error budgets', 'at risk', coalesce(b_now.at_risk, 0), b_then.at_risk),
    (3, 'Error budgets', 'exhausted', coalesce(b_now.exhausted, 0), b_then.exhausted),
    (4, 'Governance', 'high-severity findings', coalesce(g_now.high, 0),
        CASE WHEN has_earlier.yes THEN coalesce(g_then.high, 0) END),
    (5, 'Governance', 'medium-severity findings', coalesce(g_now.medium, 0),
        CASE WHEN has_earlier.yes THEN coalesce(g_then.medium, 0) END),
    (6, 'Governance', 'controls breached (of ' || (SELECT count(*) FROM control_population c
                                                    WHERE c.run_id = :run_id) || ')', coalesce(g_now.breached, 0),
        CASE WHEN has_earlier.yes THEN coalesce(g_then.breached, 0) END),
    (7, 'Governance', 'obligations open at as_of', coalesce(g_now.pending, 0),
        CASE WHEN has_earlier.yes THEN coalesce(g_then.pending, 0) END),
    (8, 'Governance', 'exceptions in force', exceptions_in_force.n, NULL::bigint),
    (9, 'Gate', 'passed a gate (of ' || gate.deployments
        || CASE WHEN gate.deployments > 0
                THEN ', ' || to_char(100.0 * gate.passed / gate.deployments, 'FM990.0') || ' %' ELSE '' END || ')',
        gate.passed, NULL::bigint)
) AS health (position, area, measure, value, previous)
ORDER BY position
