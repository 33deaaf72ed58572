-- Report data set (PDF): the cover and summary of each document: the run, its period, the input files, the
--   findings and the error budgets in counts. Read by the three masters, reports/audit-pack.jrxml,
--   reports/error-budget.jrxml and reports/scorecard.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT r.job, r.period, r.zone,
       to_char(r.period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC' AS period_start,
       to_char(r.period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC' AS period_end,
       to_char(r.as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC' AS as_of,
       (SELECT count(*) FROM source_file f WHERE f.status = 'loaded') AS files_loaded,
       (SELECT coalesce(sum(f.rows_read), 0) FROM source_file f WHERE f.status = 'loaded') AS rows_read,
       (SELECT count(*) FROM source_file f WHERE f.status = 'loaded'
          AND f.rows_read = f.rows_loaded + f.rows_rejected + f.rows_duplicate) AS files_reconciled,
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
