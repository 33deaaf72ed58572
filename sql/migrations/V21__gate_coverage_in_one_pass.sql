-- gate_coverage(run_id) (V17) found each production deployment's gate decision by a lookup per deployment
-- (gate_decision_for(), a function call each): 5 s at 1M deployments a month, and the documents ask it four times.
-- The same decisions, found for the whole population in one join: the decisions of the job's gate for a production
-- environment, for the deployment's service and change (a deployment with no change: a decision that named none),
-- asked in the max_age before its start up to the start itself; of those the latest that gave leave (an allow, an
-- overridden block included), else the latest block (ties: the greater decision_id); 'none' when there is none.
-- gate_leave() and gate_decision_for() stay the definition for one deployment (RL16, the gate's own registers);
-- a test holds the two to the same answers.
CREATE OR REPLACE FUNCTION gate_coverage(p_run_id bigint)
RETURNS TABLE (deployment_id text, service text, team text, started_at timestamptz, change_id text,
               deployed_by text, gate_decision text, decision_id bigint, decision_asked_at timestamptz)
LANGUAGE sql STABLE AS $$
    WITH run AS MATERIALIZED ( -- once: the environments as a constant array, not a subquery per deployment
        SELECT r.job, r.period_start, r.period_end,
               ARRAY(SELECT jsonb_array_elements_text(r.policy -> 'production_environments')) AS envs,
               (r.policy ->> 'gate_max_age_minutes')::integer * interval '1 minute' AS max_age
        FROM analysis_run r WHERE r.run_id = p_run_id
    ), tested AS MATERIALIZED (
        SELECT d.deployment_id, d.service, s.team, d.started_at, d.change_id, d.deployed_by
        FROM deployments d
        CROSS JOIN run
        LEFT JOIN services s ON s.service = d.service
        WHERE lower(d.environment) = ANY (run.envs) AND d.status <> 'cancelled'
          AND d.started_at >= run.period_start AND d.started_at < run.period_end
    ), leave AS (
        SELECT DISTINCT ON (t.deployment_id) t.deployment_id, g.decision_id, g.asked_at, g.decision, g.overridden
        FROM tested t
        CROSS JOIN run
        -- hashed on service and change (an empty change as ''), the exact match and the times checked on each pair
        JOIN gate_decision g ON g.job = run.job AND g.service = t.service
                            AND coalesce(g.change_id, '') = coalesce(t.change_id, '')
        WHERE g.change_id IS NOT DISTINCT FROM t.change_id AND g.production
          AND g.asked_at <= t.started_at AND g.asked_at >= t.started_at - run.max_age
        ORDER BY t.deployment_id, g.decision = 'allow' DESC, g.asked_at DESC, g.decision_id DESC
    )
    SELECT t.deployment_id, t.service, t.team, t.started_at, t.change_id, t.deployed_by,
           CASE WHEN l.decision IS NULL THEN 'none' WHEN l.overridden THEN 'override' ELSE l.decision END,
           l.decision_id, l.asked_at
    FROM tested t
    LEFT JOIN leave l ON l.deployment_id = t.deployment_id
$$;
