-- Purpose: the working tables of an analysis that depend on the ledger and the policy only, never on the period
--   (DESIGN.md sections 4 and 6): services, changes, deployments (production, live), incidents, incident links
--   and approvers. Temporary tables that live for the run's transaction only (ON COMMIT DROP); trend runs in the
--   same transaction prepare them once and reuse them for each period.
-- Parameters: none; the policy comes from a_policy (sql/analysis/policy.sql).
-- Run as a script (Spring's ScriptUtils): statements end with ";".

-- one row: without statistics the planner takes it for 120 and every estimate that joins it goes astray
ANALYZE a_policy
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
CROSS JOIN a_policy p
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
-- The approvers of each change: approved_by split on ';', trimmed and lower-cased, empty pieces ignored.
CREATE TEMP TABLE a_approver ON COMMIT DROP AS
SELECT c.change_id, lower(trim(piece)) AS approver
FROM a_change c
CROSS JOIN LATERAL unnest(string_to_array(c.approved_by, ';')) AS piece
WHERE trim(piece) <> ''
;
CREATE INDEX ON a_approver (change_id)
;
