-- Report data set (PDF): the input files of the ledger with a short hash and whether each reconciles (section 2);
--   a file read through a source profile names it, with the start of the SHA-256 of its text, under its path.
--   Read by the template reports/audit-pack/inputs.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT path || coalesce(E'\n' || 'through profile ' || split_part(profile, '(', 1) || ', SHA-256 '
                    || left(profile_sha256, 16) || '…', '') AS path,
       kind, status, left(sha256, 16) || '…' AS sha256, rows_read, rows_loaded, rows_rejected, rows_duplicate,
       CASE WHEN status <> 'loaded' THEN ''
            WHEN rows_read = rows_loaded + rows_rejected + rows_duplicate THEN 'yes' ELSE 'NO' END AS reconciles
FROM source_file
WHERE :run_id IS NOT NULL
ORDER BY file_id
