-- Purpose: one definition of "the gate's decision for a production deployment" (DESIGN.md section 9), read by rule
-- RL16 (sql/findings/RL16.sql) and by the documents' registers of the gate (sql/reports/register_gate_*.sql), so
-- that they can never disagree.
-- gate_leave(job, service, change, started_at, max_age): of the decisions the job's gate took for a production
-- environment, for this service and change (a deployment with no change: a decision that named none), asked in the
-- max_age before the start up to the start itself, the latest that gave leave (an allow, an overridden block
-- included), else the latest block; no row when the gate was not asked. A decision asked for a non-production
-- environment (allowed with no control judged) is never leave for a production deployment.
CREATE FUNCTION gate_leave(p_job text, p_service text, p_change text, p_started timestamptz, p_max_age interval)
RETURNS TABLE (decision_id bigint, asked_at timestamptz, decision text, overridden boolean)
LANGUAGE sql STABLE AS $$
    SELECT g.decision_id, g.asked_at, g.decision, g.overridden
    FROM gate_decision g
    WHERE g.job = p_job AND g.service = p_service AND g.change_id IS NOT DISTINCT FROM p_change AND g.production
      AND g.asked_at <= p_started AND g.asked_at >= p_started - p_max_age
    ORDER BY g.decision = 'allow' DESC, g.asked_at DESC, g.decision_id DESC
    LIMIT 1
$$;

-- the decisions of a service in a window of time asked (RL16, the registers), and of a job in a period
CREATE INDEX gate_decision_by_service_asked ON gate_decision (service, asked_at);
CREATE INDEX gate_decision_by_job_asked ON gate_decision (job, asked_at);
DROP INDEX gate_decision_by_deployment; -- nothing looks decisions up by the deployment's own time

-- gate_decision_for(job, service, change, started_at, max_age): the same decision as the documents name it: 'allow',
-- 'override' (a block overridden), 'block', or 'none' when the job's gate was not asked; its id and time asked.
CREATE FUNCTION gate_decision_for(p_job text, p_service text, p_change text, p_started timestamptz,
                                  p_max_age interval)
RETURNS TABLE (gate_decision text, decision_id bigint, decision_asked_at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN leave.decision IS NULL THEN 'none' WHEN leave.overridden THEN 'override' ELSE leave.decision END,
           leave.decision_id, leave.asked_at
    FROM (SELECT 1) one
    LEFT JOIN gate_leave(p_job, p_service, p_change, p_started, p_max_age) leave ON true
$$;

-- gate_coverage(run_id): each production deployment of the run's period (the event rules' tested population: a
-- production environment of the run's policy, not cancelled, started in the period) with gate_decision_for() it.
-- The documents read it (the audit pack's gate section, the scorecard's share of deployments that passed a gate;
-- the Deployments sheet asks gate_decision_for() itself, row by row), so they count the same way.
CREATE FUNCTION gate_coverage(p_run_id bigint)
RETURNS TABLE (deployment_id text, service text, team text, started_at timestamptz, change_id text,
               deployed_by text, gate_decision text, decision_id bigint, decision_asked_at timestamptz)
LANGUAGE sql STABLE AS $$
    WITH run AS MATERIALIZED ( -- once: the environments as a constant array, not a subquery per deployment
        SELECT r.job, r.period_start, r.period_end,
               ARRAY(SELECT jsonb_array_elements_text(r.policy -> 'production_environments')) AS envs,
               (r.policy ->> 'gate_max_age_minutes')::integer * interval '1 minute' AS max_age
        FROM analysis_run r WHERE r.run_id = p_run_id)
    SELECT d.deployment_id, d.service, s.team, d.started_at, d.change_id, d.deployed_by,
           gate.gate_decision, gate.decision_id, gate.decision_asked_at
    FROM deployments d
    CROSS JOIN run
    LEFT JOIN services s ON s.service = d.service
    CROSS JOIN LATERAL gate_decision_for(run.job, d.service, d.change_id, d.started_at, run.max_age) gate
    WHERE lower(d.environment) = ANY (run.envs) AND d.status <> 'cancelled'
      AND d.started_at >= run.period_start AND d.started_at < run.period_end
$$;
