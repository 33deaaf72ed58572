-- Report data set: completeness and accuracy: every input file the ledger registered, with its SHA-256, size
--   and reconciliation (read = loaded + rejected + duplicate for a loaded file), and for a tool's export the source
--   profile it was read through with the SHA-256 of the profile's text and the source's constants.
-- Parameters: :run_id (unused: the registry as of the run's snapshot). Columns: as selected.
SELECT f.file_id, f.path, f.kind, f.format, f.sha256, f.size_bytes, f.status, f.rows_read, f.rows_loaded,
       f.rows_rejected, f.rows_duplicate,
       CASE WHEN f.status <> 'loaded' THEN NULL
            ELSE f.rows_read = f.rows_loaded + f.rows_rejected + f.rows_duplicate END AS reconciles,
       f.duplicate_of, f.error, f.registered_at, f.finished_at, f.profile, f.profile_sha256, f.constants
FROM source_file f
WHERE :run_id IS NOT NULL
ORDER BY f.file_id
