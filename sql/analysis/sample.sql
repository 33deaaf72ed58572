-- Purpose: the audit pack's reproducible sample of production changes, for auditors who test samples
--   (DESIGN.md 7.2). Method: take the existing changes named by production deployments that started in the period
--   (a_event, whose c_exists says the change exists); rank each by the SHA-256 of the text "<seed>:<change_id>"
--   (hex, byte order); the sample is the first <size>. Anyone can recompute it: sha256sum of, for example,
--   "release-ledger:CHG1".
-- Parameters: :sample_seed, :sample_size (the job's policy; 'release-ledger' and 25 by default).
-- Columns: sample_position, change_id, type, risk, service, status, approved_by, approval_type, outcome,
--   sha256_of_seed_and_id.
WITH population AS (
    SELECT DISTINCT c.change_id, c.type, c.risk, c.service, c.status, c.approved_by, c.approval_type, c.outcome
    FROM a_event e
    JOIN a_change c ON c.change_id = e.change_id
    WHERE e.c_exists
), ranked AS (
    SELECT p.*,
           encode(sha256(convert_to(CAST(:sample_seed AS text) || ':' || p.change_id, 'UTF8')), 'hex') COLLATE "C"
               AS rank_key
    FROM population p
)
SELECT row_number() OVER (ORDER BY rank_key) AS sample_position, change_id, type, risk, service, status,
       approved_by, approval_type, outcome, rank_key AS sha256_of_seed_and_id
FROM ranked
ORDER BY rank_key
LIMIT CAST(:sample_size AS integer)
