-- Report data set: the production deployments of the period counted by the gate's decision for each
--   (gate_coverage(), sql/migrations/V17, the definition RL16 reads too): allowed, allowed by an override,
--   blocked (and deployed all the same), or not gated at all; every kind listed, with its share of the
--   production deployments (null when there are none), and whether the policy requires the gate (RL16).
-- Parameters: :run_id. Columns: as selected.
WITH coverage AS (SELECT gate_decision, count(*) AS n FROM gate_coverage(:run_id) GROUP BY gate_decision),
total AS (SELECT coalesce(sum(n), 0) AS n FROM coverage),
run AS (SELECT (policy ->> 'gate_required')::boolean AS gate_required,
               (policy ->> 'gate_max_age_minutes')::integer AS gate_max_age_minutes
        FROM analysis_run WHERE run_id = :run_id)
SELECT k.gate_decision, k.meaning, coalesce(c.n, 0) AS production_deployments,
       CASE WHEN total.n > 0 THEN round(coalesce(c.n, 0)::numeric / total.n, 4) END AS share_rate,
       CASE WHEN k.gate_decision IN ('allow', 'override') THEN 'no'
            WHEN run.gate_required THEN 'yes: RL16' ELSE 'no: the policy does not require the gate' END AS finding
FROM (VALUES (1, 'allow', 'allowed by the gate'),
             (2, 'override', 'blocked, and the block overridden by a named person'),
             (3, 'block', 'blocked by the gate, and deployed all the same'),
             (4, 'none', 'the gate was not asked in the ' || (SELECT gate_max_age_minutes FROM run)
                         || ' minutes before the start')) AS k (position, gate_decision, meaning)
LEFT JOIN coverage c ON c.gate_decision = k.gate_decision
CROSS JOIN total
CROSS JOIN run
ORDER BY k.position
