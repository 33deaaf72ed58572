-- Purpose: the working tables of an analysis that depend on the ledger and the policy only, never on the period
--   (DESIGN.md sections 2.7, 4 and 6): services, approvals, changes completed by their approvals, deployments
--   (production, live), incidents, incident links and approvers. Temporary tables that live for the run's transaction only (ON COMMIT DROP); trend runs in the
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
-- The approvals (latest version of each, DESIGN.md 2.7), read once.
CREATE TEMP TABLE a_approval ON COMMIT DROP AS
SELECT * FROM approvals
;
CREATE INDEX ON a_approval (change_id)
;
ANALYZE a_approval
;
-- The changes (latest version of each), read once: every rule and metric uses this table; each completed by its
-- approvals as it is read (DESIGN.md 2.7), with its final approval decision (RL03 and its evidence).
-- A change without approval records stays as it is. Its approvers (RL04, RL05) are its own approved_by and the
-- approver of each approval decided approved: they are joined to approved_by with ';'. Final decision: among its
-- approvals decided approved or rejected with a decided_at, the latest decided_at (ties: the greater approval_id in
-- byte order). An empty approved_at becomes the latest decided_at of its approved approvals when the final decision
-- is approved; an empty approval_type becomes cab when any approved approval is cab, else the final decision's type
-- when it is approved. A final rejection counts as rejected for RL03.
CREATE TEMP TABLE a_change ON COMMIT DROP AS
WITH final AS (
    SELECT DISTINCT ON (a.change_id) a.change_id, a.decision, a.approval_type, a.approver, a.decided_at
    FROM a_approval a
    WHERE a.decision IN ('approved', 'rejected') AND a.decided_at IS NOT NULL
    ORDER BY a.change_id, a.decided_at DESC, a.approval_id DESC
), approved AS (
    SELECT a.change_id, max(a.decided_at) AS latest, bool_or(a.approval_type = 'cab') AS cab,
           string_agg(a.approver, ';' ORDER BY a.decided_at NULLS LAST, a.approval_id) AS approvers
    FROM a_approval a
    WHERE a.decision = 'approved'
    GROUP BY a.change_id
), folded AS (
    SELECT has.change_id, f.decision, f.approval_type, f.approver, f.decided_at, ap.latest, coalesce(ap.cab, false) AS cab,
           ap.approvers
    FROM (SELECT DISTINCT change_id FROM a_approval) has
    LEFT JOIN final f ON f.change_id = has.change_id
    LEFT JOIN approved ap ON ap.change_id = has.change_id
)
SELECT c.file_id, c.line_no, c.row_hash, c.change_id, c.type, c.risk, c.service, c.status, c.requested_by,
       c.created_at, c.title, c.scope,
       (CASE WHEN x.change_id IS NULL THEN c.approved_by ELSE concat_ws(';', c.approved_by, x.approvers) END)
           COLLATE "C" AS approved_by,
       coalesce(c.approval_type, CASE WHEN x.cab THEN 'cab' WHEN x.decision = 'approved' THEN x.approval_type END)
           COLLATE "C" AS approval_type,
       coalesce(c.approved_at, CASE WHEN x.decision = 'approved' THEN x.latest END) AS approved_at,
       c.planned_start, c.planned_end, c.implemented_by, c.outcome, c.review_completed_at, c.exception_id,
       coalesce(x.decision = 'rejected', false) AS final_rejected,
       x.approver COLLATE "C" AS final_approver,
       x.decided_at AS final_decided_at
FROM changes c
LEFT JOIN folded x ON x.change_id = c.change_id
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
-- The approvers of each change (RL04, RL05): approved_by (with its approvals' approvers, above) split on ';',
-- trimmed and lower-cased, empty pieces ignored.
CREATE TEMP TABLE a_approver ON COMMIT DROP AS
SELECT c.change_id, lower(trim(piece)) AS approver
FROM a_change c
CROSS JOIN LATERAL unnest(string_to_array(c.approved_by, ';')) AS piece
WHERE trim(piece) <> ''
;
CREATE INDEX ON a_approver (change_id)
;
