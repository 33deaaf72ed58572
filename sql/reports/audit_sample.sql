-- Report data set: the reproducible sample of production changes that the analysis drew for the run
--   (sql/analysis/sample.sql has the method: the changes named by production deployments that started in the
--   period, ranked by the SHA-256 of "<seed>:<change_id>", the first <size>).
-- Parameters: :run_id. Columns: as selected.
SELECT sample_position, change_id, type, risk, service, status, approved_by, approval_type, outcome,
       sha256_of_seed_and_id
FROM audit_sample
WHERE run_id = :run_id
ORDER BY sample_position
