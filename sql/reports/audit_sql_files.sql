-- Report data set: the SQL behind every number: each SQL file the run used, with its SHA-256.
-- Parameters: :run_id. Columns: sql_file, sha256.
SELECT 'sql/' || f.key AS sql_file, f.value AS sha256
FROM analysis_run r, jsonb_each_text(r.sql_files) f
WHERE r.run_id = :run_id
ORDER BY f.key
