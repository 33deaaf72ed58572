-- Report data set: a reproducible sample of production changes for auditors who test samples. Method: take the
--   existing changes named by production deployments that started in the period; rank each by the SHA-256 of the
--   text "<seed>:<change_id>" (hex, byte order); the sample is the first <size> (seed 'release-ledger' and size
--   25 unless the job says otherwise). Anyone can recompute it: sha256sum of, for example, "release-ledger:CHG1".
-- Parameters: :run_id. Columns: as selected.
WITH run AS (
    SELECT r.*, coalesce(r.policy -> 'sample' ->> 'seed', 'release-ledger') AS seed,
           coalesce((r.policy -> 'sample' ->> 'size')::integer, 25) AS size
    FROM analysis_run r WHERE r.run_id = :run_id
), population AS (
    SELECT DISTINCT c.change_id, c.type, c.risk, c.service, c.status, c.approved_by, c.approval_type, c.outcome
    FROM changes c
    JOIN deployments d ON d.change_id = c.change_id
    CROSS JOIN run
    CROSS JOIN LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(run.policy -> 'production_environments'))
                        AS envs) p
    WHERE lower(d.environment) = ANY (p.envs) AND d.status <> 'cancelled'
      AND d.started_at >= run.period_start AND d.started_at < run.period_end
)
SELECT row_number() OVER (ORDER BY rank_key) AS sample_position, change_id, type, risk, service, status,
       approved_by, approval_type, outcome, rank_key AS sha256_of_seed_and_id
FROM (
    SELECT p.*, encode(sha256(convert_to(run.seed || ':' || p.change_id, 'UTF8')), 'hex') COLLATE "C" AS rank_key,
           run.size
    FROM population p CROSS JOIN run
) ranked
ORDER BY rank_key
LIMIT (SELECT size FROM run)
