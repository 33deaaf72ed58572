-- Report data set: the full population of deployments the period concerns: those that started or finished in
--   it (any environment and status; production ones are the controls' population), with the file and line each
--   came from.
-- Parameters: :run_id. Columns: as selected.
SELECT d.deployment_id, d.service, d.environment, d.status, d.started_at, d.finished_at, d.change_id, d.version,
       d.commit_sha, d.region, d.deployed_by, d.first_commit_at, d.rollback_of, d.strategy, d.is_hotfix,
       d.test_evidence, f.path AS source_file, d.line_no AS source_line
FROM deployments d
JOIN source_file f ON f.file_id = d.file_id
JOIN analysis_run r ON r.run_id = :run_id
WHERE (d.started_at >= r.period_start AND d.started_at < r.period_end)
   OR (d.finished_at >= r.period_start AND d.finished_at < r.period_end)
ORDER BY d.started_at, d.deployment_id
