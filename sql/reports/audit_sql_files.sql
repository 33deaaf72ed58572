-- Report data set: the SQL behind every number: each SQL file the run used, with its SHA-256: the analysis's
--   (analysis_run.sql_files) and its documents' (report_sql_file: every PDF section, chart and workbook sheet).
--   The manifest's sql_files list is this query's rows.
-- Parameters: :run_id. Columns: sql_file, sha256.
SELECT ('sql/' || f.key) COLLATE "C" AS sql_file, f.value AS sha256
FROM analysis_run r, jsonb_each_text(r.sql_files) f
WHERE r.run_id = :run_id
UNION
SELECT ('sql/' || s.name) COLLATE "C", s.sha256
FROM report_sql_file s
WHERE s.run_id = :run_id
ORDER BY sql_file
