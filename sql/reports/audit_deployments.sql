-- Report data set: the full population of deployments the period concerns: those that started or finished in
--   it (any environment and status), with the file and line each came from, and whether each is in the tested
--   population of the event rules (a production deployment, not cancelled, that started in the period: the
--   reconciliation's step 8), and for each of those the gate's decision as gate_coverage() gives it
--   (sql/migrations/V21: allow, override, block or none; empty outside the tested population).
-- Parameters: :run_id. Columns: as selected.
WITH run AS MATERIALIZED (SELECT r.*, ARRAY(SELECT jsonb_array_elements_text(r.policy -> 'production_environments'))
                              AS envs
                          FROM analysis_run r WHERE r.run_id = :run_id)
SELECT d.deployment_id, d.service, d.environment, d.status, d.started_at, d.finished_at, d.change_id, d.version,
       d.commit_sha, d.region, d.deployed_by, d.first_commit_at, d.rollback_of, d.strategy, d.is_hotfix,
       d.test_evidence,
       (lower(d.environment) = ANY (run.envs) AND d.status <> 'cancelled'
        AND d.started_at >= run.period_start AND d.started_at < run.period_end) AS in_tested_population,
       gate.gate_decision, gate.decision_id AS gate_decision_id,
       f.path AS source_file, d.line_no AS source_line
FROM deployments d
JOIN source_file f ON f.file_id = d.file_id
CROSS JOIN run
LEFT JOIN gate_coverage(:run_id) gate ON gate.deployment_id = d.deployment_id
WHERE (d.started_at >= run.period_start AND d.started_at < run.period_end)
   OR (d.finished_at >= run.period_start AND d.finished_at < run.period_end)
ORDER BY d.started_at, d.deployment_id
