-- Report data set (PDF): the input files this run's population came from (section 2; the workbook's Input files
--   sheet, sql/reports/audit_inputs.sql, has them in full), with a short hash and whether each reconciles; a file
--   read through a source profile names it, with the start of the SHA-256 of its text, under its path. Each row
--   also carries the count of the ledger's registrations before the run that supplied none of its records.
--   Read by the template reports/audit-pack/inputs.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT f.path || coalesce(E'\n' || 'through profile ' || split_part(f.profile, '(', 1) || ', SHA-256 '
                    || left(f.profile_sha256, 16) || '…', '') AS path,
       f.kind, left(f.sha256, 16) || '…' AS sha256, f.rows_read, f.rows_loaded, f.rows_rejected, f.rows_duplicate,
       u.records AS records_used,
       CASE WHEN f.rows_read = f.rows_loaded + f.rows_rejected + f.rows_duplicate THEN 'yes' ELSE 'NO' END
           AS reconciles,
       (SELECT count(*) FROM source_file s
        WHERE s.registered_at <= r.started_at
          AND NOT EXISTS (SELECT 1 FROM run_input_file x WHERE x.run_id = r.run_id AND x.file_id = s.file_id))
           AS skipped_registrations
FROM run_input_file u
JOIN source_file f ON f.file_id = u.file_id
JOIN analysis_run r ON r.run_id = u.run_id
WHERE u.run_id = :run_id
ORDER BY f.load_seq, f.file_id
