-- Purpose: the population reconciliation of the audit pack (DESIGN.md 7.1): how the deployment rows of the input
--   files become the population the controls tested, step by step, each with its count, what it removed and why;
--   then the same for the changes and the incidents. An auditor ties the tested deployments back to the files'
--   rows with it, and the removed rows to the registers that list them (rejected rows: data quality; versions:
--   the Deployments sheet holds the latest).
-- Reads: the file registry and the version tables (files that finished loading), a_deployment, a_change,
--   a_incident, a_event, a_pd, a_param. Columns: step_no, population, records, removed, reason.
WITH files AS (
    SELECT kind, count(*) AS n, sum(rows_read) AS read, sum(rows_rejected) AS rejected,
           sum(rows_duplicate) AS duplicate, sum(rows_loaded) AS loaded
    FROM source_file WHERE status = 'loaded' GROUP BY kind
), d AS (
    SELECT count(*) AS ledger,
           count(*) FILTER (WHERE in_period) AS in_period,
           count(*) FILTER (WHERE in_period AND production_env) AS production_env,
           count(*) FILTER (WHERE in_period AND is_production) AS production
    FROM (SELECT d.is_production,
                 (d.started_at >= p.period_start AND d.started_at < p.period_end)
                     OR (d.finished_at >= p.period_start AND d.finished_at < p.period_end) AS in_period,
                 lower(d.environment) = ANY (p.production_environments) AS production_env
          FROM a_deployment d CROSS JOIN a_param p) deployment
), counts AS (
    SELECT (SELECT count(*) FROM a_event) AS tested,
           (SELECT count(*) FROM a_pd) AS pd,
           named.n AS named, named.existing AS named_existing,
           (SELECT count(*) FROM a_change) AS changes,
           (SELECT count(*) FROM a_incident) AS incidents,
           (SELECT count(*) FROM a_incident i CROSS JOIN a_param p
            WHERE i.started_at >= p.period_start AND i.started_at < p.period_end) AS incidents_started
    -- the distinct change ids the tested deployments name, and those that exist (grouped: a hash, not a sort)
    FROM (SELECT count(*) AS n, count(*) FILTER (WHERE c_exists) AS existing
          FROM (SELECT change_id, bool_or(c_exists) AS c_exists FROM a_event WHERE change_id IS NOT NULL
                GROUP BY change_id) named_change) named
), dep AS (SELECT * FROM files WHERE kind = 'deployments'), chg AS (SELECT * FROM files WHERE kind = 'changes'),
   inc AS (SELECT * FROM files WHERE kind = 'incidents')
SELECT step_no, population, records, removed, reason
FROM d, counts
LEFT JOIN dep ON true LEFT JOIN chg ON true LEFT JOIN inc ON true,
LATERAL (VALUES
    (1, 'deployment rows read', coalesce(dep.read, 0), NULL::numeric,
        'every row of the ' || coalesce(dep.n, 0) || ' deployment files in the ledger (Input files)'),
    (2, 'deployment rows loaded', coalesce(dep.read - dep.rejected, 0), coalesce(dep.rejected, 0),
        'rejected rows: listed, with line and reason, in the data-quality register'),
    (3, 'deployment versions stored', coalesce(dep.loaded, 0), coalesce(dep.duplicate, 0),
        'rows identical to the version before them (a file sent again): they add no version'),
    (4, 'deployments in the ledger', d.ledger, coalesce(dep.loaded, 0) - d.ledger,
        'earlier versions of the same deployment id, superseded by a later row or file'),
    (5, 'deployments of the period', d.in_period, d.ledger - d.in_period,
        'neither started nor finished in the period (the Deployments sheet lists the period''s)'),
    (6, 'in a production environment', d.production_env, d.in_period - d.production_env,
        'environment not among production_environments'),
    (7, 'production deployments of the period', d.production, d.production_env - d.production,
        'cancelled: a cancelled deployment never reached production'),
    (8, 'tested: production deployments started in the period', counts.tested, d.production - counts.tested,
        'started before the period and finished in it (counted in the metrics as members of PD, not re-tested)'),
    (9, 'members of PD (the metrics; RL12)', counts.pd, NULL,
        'production deployments that finished in the period as succeeded, failed or rolled back'),
    (10, 'change rows read', coalesce(chg.read, 0), NULL,
        'every row of the ' || coalesce(chg.n, 0) || ' change files in the ledger'),
    (11, 'changes in the ledger', counts.changes, coalesce(chg.read, 0) - counts.changes,
        'rejected rows, rows identical to the version before them, and earlier versions of the same change id'),
    (12, 'changes named by the tested deployments', counts.named, NULL,
        'distinct change ids that the tested deployments name (a deployment may name none: RL01)'),
    (13, 'tested changes (per-change rules)', counts.named_existing, counts.named - counts.named_existing,
        'named by a deployment but not among the changes: RL01 findings'),
    (14, 'incident rows read', coalesce(inc.read, 0), NULL,
        'every row of the ' || coalesce(inc.n, 0) || ' incident files in the ledger'),
    (15, 'incidents in the ledger', counts.incidents, coalesce(inc.read, 0) - counts.incidents,
        'rejected rows, rows identical to the version before them, and earlier versions of the same incident id'),
    (16, 'incidents started in the period', counts.incidents_started, counts.incidents - counts.incidents_started,
        'started before or after the period (an incident open into the period still spends its budget)')
) AS step (step_no, population, records, removed, reason)
ORDER BY step_no
