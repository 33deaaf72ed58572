-- Report data set: the reproducible sample of production changes that the analysis drew for the run
--   (sql/analysis/sample.sql has the method: the changes named by production deployments that started in the
--   period, ranked by the SHA-256 of "<seed>:<change_id>", the first <size>), with the population it was drawn
--   from (the tested changes: the reconciliation's step 13), the seed and size, the tested deployments that
--   carry each change, and empty columns for the auditor's own test of each.
-- Parameters: :run_id. Columns: as selected; population, seed and size repeat on every row.
WITH run AS MATERIALIZED (
    SELECT r.*, ARRAY(SELECT jsonb_array_elements_text(r.policy -> 'production_environments')) AS envs
    FROM analysis_run r WHERE r.run_id = :run_id),
-- the tested deployments of every sampled change in one pass over the deployments (one per change would read the
-- whole population again for each: 25 times at the default size)
tested AS (
    SELECT d.change_id, string_agg(d.deployment_id, '; ' ORDER BY d.started_at, d.deployment_id) AS deployments
    FROM deployments d
    CROSS JOIN run
    WHERE d.change_id IN (SELECT a.change_id FROM audit_sample a WHERE a.run_id = :run_id)
      AND d.status <> 'cancelled' AND d.started_at >= run.period_start AND d.started_at < run.period_end
      AND lower(d.environment) = ANY (run.envs)
    GROUP BY d.change_id)
SELECT s.sample_position, s.change_id, s.type, s.risk, s.service, s.status, s.approved_by, s.approval_type,
       s.outcome, tested.deployments AS tested_deployments, s.sha256_of_seed_and_id,
       (SELECT p.records FROM population_step p WHERE p.run_id = run.run_id AND p.step_no = 13) AS population,
       run.policy -> 'sample' ->> 'seed' AS seed, (run.policy -> 'sample' ->> 'size')::integer AS size,
       NULL::text AS approved_before_deployment_yes_no, NULL::text AS evidence_inspected, NULL::text AS tester,
       NULL::text AS exception_noted
FROM audit_sample s
CROSS JOIN run
LEFT JOIN tested ON tested.change_id = s.change_id
WHERE s.run_id = :run_id
ORDER BY s.sample_position
