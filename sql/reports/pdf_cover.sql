-- Report data set (PDF): the cover and summary of each document: the run, its period, the input files, the
--   findings and the error budgets in counts, and the run's number among the job's runs. Read by the three
--   masters, reports/audit-pack.jrxml, reports/error-budget.jrxml and reports/scorecard.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT r.job, r.period, r.zone,
       to_char(r.period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC' AS period_start,
       to_char(r.period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC' AS period_end,
       to_char(r.as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC' AS as_of,
       -- the run's number among the job's runs (trend runs, made for a run's trends, are not numbered with them)
       (SELECT count(*) FROM analysis_run x WHERE x.job = r.job AND x.trend_of IS NULL AND x.run_id <= r.run_id)
           AS job_run,
       -- the input files this run's population came from
       (SELECT count(*) FROM run_input_file u WHERE u.run_id = r.run_id) AS files_loaded,
       (SELECT coalesce(sum(f.rows_read), 0) FROM run_input_file u JOIN source_file f ON f.file_id = u.file_id
        WHERE u.run_id = r.run_id) AS rows_read,
       (SELECT count(*) FROM run_input_file u JOIN source_file f ON f.file_id = u.file_id
        WHERE u.run_id = r.run_id AND f.rows_read = f.rows_loaded + f.rows_rejected + f.rows_duplicate)
           AS files_reconciled,
       (SELECT count(*) FROM control_population c WHERE c.run_id = r.run_id) AS controls,
       (SELECT count(*) FROM finding f WHERE f.run_id = r.run_id AND NOT f.pending) AS findings,
       (SELECT count(DISTINCT f.rule_id) FROM finding f WHERE f.run_id = r.run_id AND NOT f.pending) AS rules_failed,
       (SELECT count(*) FROM finding f WHERE f.run_id = r.run_id AND NOT f.pending AND f.severity = 'high') AS high_findings,
       (SELECT count(*) FROM finding f WHERE f.run_id = r.run_id AND f.pending) AS pending,
       (SELECT count(*) FROM data_quality_item q WHERE q.run_id = r.run_id) AS quality_items,
       (SELECT count(*) FROM error_budget b WHERE b.run_id = r.run_id) AS budgets,
       (SELECT count(*) FROM error_budget b WHERE b.run_id = r.run_id AND (b.allowed - b.consumed) / b.allowed >= 0.25) AS budgets_healthy,
       (SELECT count(*) FROM error_budget b WHERE b.run_id = r.run_id AND (b.allowed - b.consumed) / b.allowed < 0.25
          AND (b.allowed - b.consumed) / b.allowed > 0) AS budgets_at_risk,
       (SELECT count(*) FROM error_budget b WHERE b.run_id = r.run_id AND b.consumed >= b.allowed) AS budgets_exhausted
FROM analysis_run r WHERE r.run_id = :run_id
