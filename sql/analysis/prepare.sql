-- Purpose: the working populations of one analysis run (DESIGN.md sections 3 to 6), as temporary tables that
--   every metric and finding query reads. They live for the run's transaction only (ON COMMIT DROP).
-- Parameters (bound into a_param, the one place parameters enter): :period_start, :period_end (the half-open
--   period as instants), :period_minutes (its real length), :as_of, :zone (the reporting zone), the policy
--   (:production_environments and :cab_required_risks as JSON arrays of lower-case names, the day counts,
--   :postmortem_max_severity) and the band thresholds.
-- Statements are separated by a line holding only ";".

CREATE TEMP TABLE a_param ON COMMIT DROP AS
SELECT CAST(:period_start AS timestamptz)               AS period_start,
       CAST(:period_end AS timestamptz)                 AS period_end,
       CAST(:period_minutes AS numeric)                 AS period_minutes,
       CAST(:as_of AS timestamptz)                      AS as_of,
       CAST(:zone AS text)                              AS zone,
       ARRAY(SELECT jsonb_array_elements_text(CAST(:production_environments AS jsonb))) AS production_environments,
       ARRAY(SELECT jsonb_array_elements_text(CAST(:cab_required_risks AS jsonb)))      AS cab_required_risks,
       CAST(:emergency_review_days AS integer) * interval '24 hours' AS emergency_review,
       CAST(:pir_days AS integer) * interval '24 hours'              AS pir,
       CAST(:postmortem_days AS integer) * interval '24 hours'       AS postmortem,
       CAST(:postmortem_max_severity AS integer)                     AS postmortem_max_severity,
       CAST(:max_exception_days AS integer) * interval '24 hours'    AS max_exception,
       CAST(:lead_time_elite_hours AS numeric)   AS lead_time_elite_hours,
       CAST(:lead_time_high_hours AS numeric)    AS lead_time_high_hours,
       CAST(:lead_time_medium_hours AS numeric)  AS lead_time_medium_hours,
       CAST(:cfr_elite AS numeric)               AS cfr_elite,
       CAST(:cfr_high AS numeric)                AS cfr_high,
       CAST(:cfr_medium AS numeric)              AS cfr_medium,
       CAST(:recovery_elite_hours AS numeric)    AS recovery_elite_hours,
       CAST(:recovery_high_hours AS numeric)     AS recovery_high_hours,
       CAST(:recovery_medium_hours AS numeric)   AS recovery_medium_hours,
       CAST(:frequency_elite_days_per_week AS numeric)  AS frequency_elite_days_per_week,
       CAST(:frequency_high_days_per_week AS numeric)   AS frequency_high_days_per_week,
       CAST(:frequency_medium_days_per_month AS numeric) AS frequency_medium_days_per_month
;
-- one row: without statistics the planner takes it for 120 and every estimate that joins it goes astray
ANALYZE a_param
;
-- Services and their teams; a service that is not in services belongs to team 'unassigned'.
CREATE TEMP TABLE a_service ON COMMIT DROP AS
SELECT service, team, tier, slo_target, rollback FROM services
;
-- The changes (latest version of each), read once: every rule and metric uses this table.
CREATE TEMP TABLE a_change ON COMMIT DROP AS
SELECT * FROM changes
;
CREATE UNIQUE INDEX ON a_change (change_id)
;
ANALYZE a_change
;
-- Every deployment (latest version), with its team, whether it is a production deployment (its environment
-- among production_environments, trimmed and case-insensitive, and not cancelled) and whether it is live.
CREATE TEMP TABLE a_deployment ON COMMIT DROP AS
SELECT d.*,
       coalesce(s.team, 'unassigned') AS team,
       (lower(d.environment) = ANY (p.production_environments) AND d.status <> 'cancelled') AS is_production,
       (lower(d.environment) = ANY (p.production_environments)
            AND d.status IN ('succeeded', 'rolled_back')) AS is_live
FROM deployments d
CROSS JOIN a_param p
LEFT JOIN a_service s ON s.service = d.service
;
CREATE INDEX ON a_deployment (deployment_id)
;
CREATE INDEX ON a_deployment (change_id, started_at)
;
CREATE INDEX ON a_deployment (rollback_of)
;
ANALYZE a_deployment
;
-- Every incident (latest version), with its team.
CREATE TEMP TABLE a_incident ON COMMIT DROP AS
SELECT i.*, coalesce(s.team, 'unassigned') AS team
FROM incidents i
LEFT JOIN a_service s ON s.service = i.service
;
CREATE INDEX ON a_incident (incident_id)
;
ANALYZE a_incident
;
-- Incident -> the deployment it is linked to: by caused_by_deployment_id (any environment, status or period);
-- only when that is empty, by caused_by_change_id to the latest live deployment of that change that started at
-- or before the incident started (latest: started_at, then the greater deployment_id in byte order).
CREATE TEMP TABLE a_link ON COMMIT DROP AS
SELECT i.incident_id, d.deployment_id
FROM a_incident i
JOIN a_deployment d ON d.deployment_id = i.caused_by_deployment_id
UNION ALL
SELECT i.incident_id, latest.deployment_id
FROM a_incident i
CROSS JOIN LATERAL (
    SELECT d.deployment_id
    FROM a_deployment d
    WHERE d.is_live AND d.change_id = i.caused_by_change_id AND d.started_at <= i.started_at
    ORDER BY d.started_at DESC, d.deployment_id DESC
    LIMIT 1
) latest
WHERE i.caused_by_deployment_id IS NULL AND i.caused_by_change_id IS NOT NULL
;
CREATE INDEX ON a_link (deployment_id)
;
ANALYZE a_link
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
       coalesce(c.type = 'emergency', false) AS c_emergency
FROM a_deployment d
CROSS JOIN a_param p
LEFT JOIN a_change c ON c.change_id = d.change_id
WHERE d.is_production AND d.started_at >= p.period_start AND d.started_at < p.period_end
;
ANALYZE a_event
;
-- The approvers of each change: approved_by split on ';', trimmed and lower-cased, empty pieces ignored.
CREATE TEMP TABLE a_approver ON COMMIT DROP AS
SELECT c.change_id, lower(trim(piece)) AS approver
FROM a_change c
CROSS JOIN LATERAL unnest(string_to_array(c.approved_by, ';')) AS piece
WHERE trim(piece) <> ''
;
CREATE INDEX ON a_approver (change_id)
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
           least(coalesce(i.resolved_at, p.period_end), p.period_end) AS e
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
)
SELECT a.service,
       a.allowed,
       coalesce((SELECT max(r.cumulative) FROM running r WHERE r.service = a.service), 0) AS consumed,
       (SELECT min(r.s + (a.allowed - r.before) * interval '1 minute')
        FROM running r WHERE r.service = a.service AND r.cumulative >= a.allowed) AS exhausted_at
FROM allowance a
;
ANALYZE a_budget
;
