-- Purpose: the working tables of an analysis that depend on the period (DESIGN.md sections 4 to 6): PD, the
--   event population, the scopes and the error budgets. Temporary tables (ON COMMIT DROP); a trend run drops the
--   tables this script made and runs it again for the next period, over the same ledger tables.
-- Parameters: none; the period and the policy come from a_param (sql/analysis/period.sql).
-- Run as a script (Spring's ScriptUtils): statements end with ";".

-- one row: without statistics the planner takes it for 120 and every estimate that joins it goes astray
ANALYZE a_param
;
-- PD: production deployments that succeeded, failed or were rolled back and finished in the period; with
-- whether each is live and whether it is a failed change (live, and rolled back or linked to an incident).
CREATE TEMP TABLE a_pd ON COMMIT DROP AS
SELECT d.*,
       (d.is_live AND (d.status = 'rolled_back'
            OR EXISTS (SELECT 1 FROM a_link l WHERE l.deployment_id = d.deployment_id))) AS is_failed_change
FROM a_deployment d
CROSS JOIN a_param p
WHERE d.is_production
  AND d.status IN ('succeeded', 'failed', 'rolled_back')
  AND d.finished_at >= p.period_start AND d.finished_at < p.period_end
;
ANALYZE a_pd
;
-- The production deployments that started in the period (the population of the event rules), with the
-- change they name when it exists (c_exists false: no change_id, or an id that no change has).
CREATE TEMP TABLE a_event ON COMMIT DROP AS
SELECT d.*,
       c.change_id IS NOT NULL AS c_exists,
       c.type AS c_type, c.risk AS c_risk, c.status AS c_status, c.requested_by AS c_requested_by,
       c.approved_by AS c_approved_by, c.approval_type AS c_approval_type, c.approved_at AS c_approved_at,
       c.planned_start AS c_planned_start, c.planned_end AS c_planned_end, c.implemented_by AS c_implemented_by,
       c.exception_id AS c_exception_id,
       coalesce(c.final_rejected, false) AS c_final_rejected, c.final_approver AS c_final_approver,
       c.final_decided_at AS c_final_decided_at,
       coalesce(c.type = 'emergency', false) AS c_emergency
FROM a_deployment d
CROSS JOIN a_param p
LEFT JOIN a_change c ON c.change_id = d.change_id
WHERE d.is_production AND d.started_at >= p.period_start AND d.started_at < p.period_end
;
ANALYZE a_event
;
-- The scopes that get a row for every metric: org; every team in services, and 'unassigned' when one of its
-- services has events in the period; every service in services, and every unknown service with events in the
-- period (a member of PD, a production deployment started in the period, an incident started or resolved in it).
CREATE TEMP TABLE a_scope ON COMMIT DROP AS
WITH active AS (
    SELECT service FROM a_pd
    UNION SELECT service FROM a_event
    UNION SELECT i.service FROM a_incident i CROSS JOIN a_param p
          WHERE (i.started_at >= p.period_start AND i.started_at < p.period_end)
             OR (i.resolved_at >= p.period_start AND i.resolved_at < p.period_end)
), unknown AS (
    SELECT a.service FROM active a WHERE NOT EXISTS (SELECT 1 FROM a_service s WHERE s.service = a.service)
)
SELECT 'org' AS scope, 'all' COLLATE "C" AS scope_id
UNION SELECT 'team', team FROM a_service
UNION SELECT 'team', 'unassigned' WHERE EXISTS (SELECT 1 FROM unknown)
UNION SELECT 'service', service FROM a_service
UNION SELECT 'service', service FROM unknown
;
ANALYZE a_scope
;
-- Error budgets (DESIGN.md section 5): per service with an slo_target, the downtime of its incidents with
-- customer impact, [started_at, resolved_at or period end) clipped to the period, overlaps counted once.
CREATE TEMP TABLE a_budget ON COMMIT DROP AS
WITH outage AS (
    SELECT i.service,
           greatest(i.started_at, p.period_start) AS s,
           least(coalesce(i.resolved_at, p.period_end), p.period_end) AS e,
           (i.resolved_at IS NULL OR i.resolved_at >= p.period_end) AS open_at_end
    FROM a_incident i
    CROSS JOIN a_param p
    JOIN a_service sv ON sv.service = i.service AND sv.slo_target IS NOT NULL
    WHERE i.customer_impact
), clipped AS (
    SELECT * FROM outage WHERE e > s
), marked AS (
    SELECT service, s, e,
           CASE WHEN s <= max(e) OVER (PARTITION BY service ORDER BY s, e
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                THEN 0 ELSE 1 END AS starts_island
    FROM clipped
), islands AS (
    SELECT service, s, e, sum(starts_island) OVER (PARTITION BY service ORDER BY s, e) AS island
    FROM marked
), merged AS (
    SELECT service, min(s) AS s, max(e) AS e FROM islands GROUP BY service, island
), running AS (
    SELECT service, s, e,
           sum(extract(epoch FROM e - s) / 60) OVER (PARTITION BY service ORDER BY s) AS cumulative,
           sum(extract(epoch FROM e - s) / 60) OVER (PARTITION BY service ORDER BY s) - extract(epoch FROM e - s) / 60
               AS before
    FROM merged
), allowance AS (
    SELECT sv.service, (100 - sv.slo_target) / 100 * p.period_minutes AS allowed
    FROM a_service sv CROSS JOIN a_param p
    WHERE sv.slo_target IS NOT NULL
), consumption AS (
    SELECT r.service, max(r.cumulative) AS consumed FROM running r GROUP BY r.service
), exhaustion AS (
    -- the moment the running total reaches the allowance, inside the first downtime that takes it there
    SELECT r.service, min(r.s + (a.allowed - r.before) * interval '1 minute') AS exhausted_at
    FROM running r JOIN allowance a ON a.service = r.service
    WHERE r.cumulative >= a.allowed
    GROUP BY r.service
), still_open AS (
    SELECT o.service, min(o.s) AS first_start, count(*) AS incidents
    FROM clipped o
    WHERE o.open_at_end
    GROUP BY o.service
)
SELECT a.service,
       a.allowed,
       coalesce(c.consumed, 0) AS consumed,
       x.exhausted_at,
       -- of the consumption, the minutes of incidents still open at the period end: their downtime runs from the
       -- earliest one's start (clipped to the period) to the period end, all of it inside the union above
       coalesce(extract(epoch FROM p.period_end - greatest(p.period_start, o.first_start)) / 60, 0) AS open_consumed,
       coalesce(o.incidents, 0)::integer AS open_incidents
FROM allowance a
CROSS JOIN a_param p
LEFT JOIN consumption c ON c.service = a.service
LEFT JOIN exhaustion x ON x.service = a.service
LEFT JOIN still_open o ON o.service = a.service
;
-- The production deployments that started once the budget was exhausted (exhausted_at <= started_at, as RL13),
-- and those the policy allows then: emergency changes and hotfixes.
ALTER TABLE a_budget ADD COLUMN releases_exhausted integer NOT NULL DEFAULT 0,
                     ADD COLUMN releases_allowed integer NOT NULL DEFAULT 0
;
UPDATE a_budget b
SET releases_exhausted = r.released, releases_allowed = r.allowed
FROM (SELECT b2.service, count(*) AS released, count(*) FILTER (WHERE e.c_emergency OR e.is_hotfix) AS allowed
      FROM a_budget b2 JOIN a_event e ON e.service = b2.service AND b2.exhausted_at <= e.started_at
      GROUP BY b2.service) r
WHERE r.service = b.service
;
ANALYZE a_budget
;
