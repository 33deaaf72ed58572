-- Report data set: completeness and accuracy: the input files this run's population came from (each holds the
--   latest version of at least one record the run used: run_input_file), with its SHA-256 in full, size,
--   reconciliation (read = loaded + rejected + duplicate), the records of the run it supplied, and for a tool's
--   export the source profile it was read through with the SHA-256 of the profile's text and the source's
--   constants. The ledger's other registrations (files sent again, superseded, or another job's) are counted on
--   the PDF's page, not listed.
-- Parameters: :run_id. Columns: as selected.
SELECT f.file_id, f.path, f.kind, f.format, f.sha256, f.size_bytes, f.status, f.rows_read, f.rows_loaded,
       f.rows_rejected, f.rows_duplicate,
       f.rows_read = f.rows_loaded + f.rows_rejected + f.rows_duplicate AS reconciles,
       u.records AS records_used_by_run,
       f.registered_at, f.finished_at, f.profile, f.profile_sha256, f.constants
FROM run_input_file u
JOIN source_file f ON f.file_id = u.file_id
WHERE u.run_id = :run_id
ORDER BY f.load_seq, f.file_id
