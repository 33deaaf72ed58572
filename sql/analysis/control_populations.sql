-- Purpose: the population each control tested in the run (DESIGN.md section 6), for the audit pack's
--   per-control summary: event rules test the production deployments that started in the period (per-change
--   rules, the distinct changes they name); RL12 the changes named by members of PD; deadline rules the items
--   whose deadline fell in the period and at or before as_of.
-- Reads: the prepared populations (sql/analysis/prepare_ledger.sql, prepare_period.sql). Columns: rule_id, population, tested.
WITH events AS (
    SELECT count(*) AS deployments,
           count(DISTINCT change_id) FILTER (WHERE c_exists) AS changes,
           count(DISTINCT change_id) FILTER (WHERE c_exists AND c_type = 'normal') AS normal_changes,
           count(*) FILTER (WHERE c_exists AND c_exception_id IS NOT NULL) AS with_exception
    FROM a_event
), emergency AS (
    SELECT count(*) AS n
    FROM (SELECT DISTINCT ON (d.change_id) d.started_at + p.emergency_review AS due
          FROM a_deployment d
          JOIN a_change c ON c.change_id = d.change_id AND c.type = 'emergency'
          CROSS JOIN a_param p
          WHERE d.is_production
          ORDER BY d.change_id, d.started_at, d.deployment_id) f
    CROSS JOIN a_param p
    WHERE f.due >= p.period_start AND f.due < p.period_end AND f.due <= p.as_of
), postmortems AS (
    SELECT count(*) AS n
    FROM a_incident i CROSS JOIN a_param p
    WHERE i.resolved_at IS NOT NULL AND i.severity <= p.postmortem_max_severity
      AND i.resolved_at + p.postmortem >= p.period_start AND i.resolved_at + p.postmortem < p.period_end
      AND i.resolved_at + p.postmortem <= p.as_of
), rollbacks AS (
    SELECT count(*) AS n
    FROM a_deployment d CROSS JOIN a_param p
    WHERE d.is_production AND d.status = 'rolled_back'
      AND d.finished_at + p.pir >= p.period_start AND d.finished_at + p.pir < p.period_end
      AND d.finished_at + p.pir <= p.as_of
), pd_changes AS (
    SELECT count(DISTINCT d.change_id) AS n FROM a_pd d JOIN a_change c ON c.change_id = d.change_id
), manual AS (
    SELECT count(*) AS n FROM a_event e JOIN a_service s ON s.service = e.service AND s.rollback = 'manual'
)
SELECT rule_id, population, tested
FROM events, emergency, postmortems, rollbacks, pd_changes, manual,
     (SELECT gate_required AS required FROM a_param) gate,
LATERAL (VALUES
    ('RL01', events.deployments, 'production deployments started in the period'),
    ('RL02', events.deployments, 'production deployments started in the period'),
    ('RL03', events.deployments, 'production deployments started in the period'),
    ('RL04', events.changes, 'changes deployed to production in the period'),
    ('RL05', events.deployments, 'production deployments started in the period'),
    ('RL06', events.normal_changes, 'normal changes deployed to production in the period'),
    ('RL07', events.deployments, 'production deployments started in the period'),
    ('RL08', events.deployments, 'production deployments started in the period'),
    ('RL09', emergency.n, 'emergency changes whose review deadline fell in the period, by as_of'),
    ('RL10', events.with_exception, 'deployments whose change relies on an exception'),
    ('RL11', postmortems.n, 'severe incidents whose postmortem deadline fell in the period, by as_of'),
    ('RL12', pd_changes.n, 'changes named by deployments that finished in the period'),
    ('RL13', events.deployments, 'production deployments started in the period'),
    ('RL14', rollbacks.n, 'rollbacks whose review deadline fell in the period, by as_of'),
    ('RL15', manual.n, 'deployments of services that roll back by hand'),
    ('RL16', CASE WHEN gate.required THEN events.deployments ELSE 0 END,
        CASE WHEN gate.required THEN 'production deployments started in the period'
             ELSE 'none: the policy does not require the gate' END)
) AS control (rule_id, population, tested)
