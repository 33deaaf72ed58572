-- Purpose: the period's metric populations (DESIGN.md section 4), each read once and counted for every scope in
--   the same pass: the organisation, each team and each service (GROUP BY ROLLUP (team, service): the service's
--   row, its team's row and the organisation's row). Each file in sql/metrics/ then selects its metric from these
--   figures for every scope of a_scope: a scope missing here had no member of the population (0, or null for a
--   ratio, median or mean over nothing). A deployment or incident counts under its service and that service's
--   team ('unassigned' for a service not in services), as everywhere else.
-- Parameters: none; the period comes from a_param, the populations from sql/analysis/prepare_period.sql.
-- Run as a script (Spring's ScriptUtils): statements end with ";".

-- PD (a_pd: the production deployments that succeeded, failed or were rolled back and finished in the period),
-- counted per scope: its members; the failed or rolled back ones; the successful ones and, of those, the hotfixes
-- (is_hotfix, or an existing change of type emergency); the live ones and the failed changes among them; the
-- distinct existing changes its members name, and the emergency ones; and the lead time of each successful member
-- with a first commit not after its finish (finished_at - first_commit_at, hours: how many, median and 90th
-- percentile, continuous).
CREATE TEMP TABLE a_pd_scope ON COMMIT DROP AS
SELECT CASE WHEN GROUPING(d.team) = 1 THEN 'org' WHEN GROUPING(d.service) = 1 THEN 'team' ELSE 'service' END
           AS scope,
       (CASE WHEN GROUPING(d.team) = 1 THEN 'all' WHEN GROUPING(d.service) = 1 THEN d.team ELSE d.service END)
           COLLATE "C" AS scope_id,
       count(*) AS deployments,
       count(*) FILTER (WHERE d.status IN ('failed', 'rolled_back')) AS failed_or_rolled_back,
       count(*) FILTER (WHERE d.status = 'succeeded') AS successful,
       count(*) FILTER (WHERE d.status = 'succeeded' AND (d.is_hotfix OR c.type = 'emergency')) AS rework,
       count(*) FILTER (WHERE d.is_live) AS live,
       count(*) FILTER (WHERE d.is_live AND d.is_failed_change) AS failed_changes,
       count(DISTINCT c.change_id) AS changes,
       count(DISTINCT c.change_id) FILTER (WHERE c.type = 'emergency') AS emergency_changes,
       count(*) FILTER (WHERE d.status = 'succeeded' AND d.first_commit_at <= d.finished_at) AS lead_times,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.finished_at - d.first_commit_at) / 3600)
           FILTER (WHERE d.status = 'succeeded' AND d.first_commit_at <= d.finished_at) AS lead_time_median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM d.finished_at - d.first_commit_at) / 3600)
           FILTER (WHERE d.status = 'succeeded' AND d.first_commit_at <= d.finished_at) AS lead_time_p90
FROM a_pd d
LEFT JOIN a_change c ON c.change_id = d.change_id
GROUP BY ROLLUP (d.team, d.service)
;
ANALYZE a_pd_scope
;
-- The deploy days of each scope: the distinct local dates (reporting zone) of the finished_at of successful
-- members of PD, one row per scope and date.
CREATE TEMP TABLE a_pd_day ON COMMIT DROP AS
SELECT CASE WHEN GROUPING(d.team) = 1 THEN 'org' WHEN GROUPING(d.service) = 1 THEN 'team' ELSE 'service' END
           AS scope,
       (CASE WHEN GROUPING(d.team) = 1 THEN 'all' WHEN GROUPING(d.service) = 1 THEN d.team ELSE d.service END)
           COLLATE "C" AS scope_id,
       (d.finished_at AT TIME ZONE p.zone)::date AS day
FROM a_pd d
CROSS JOIN a_param p
WHERE d.status = 'succeeded'
GROUP BY (d.finished_at AT TIME ZONE p.zone)::date, ROLLUP (d.team, d.service)
;
ANALYZE a_pd_day
;
-- The incidents counted per scope: those that started in the period; of those resolved in the period, the time
-- to restore of each not resolved before it started (resolved_at - started_at, hours: how many, mean, median and
-- 90th percentile), and the time to acknowledge of each with an acknowledged_at not before its detection
-- (acknowledged_at - detected_at, detected_at defaulting to started_at: how many and median).
CREATE TEMP TABLE a_incident_scope ON COMMIT DROP AS
SELECT CASE WHEN GROUPING(i.team) = 1 THEN 'org' WHEN GROUPING(i.service) = 1 THEN 'team' ELSE 'service' END
           AS scope,
       (CASE WHEN GROUPING(i.team) = 1 THEN 'all' WHEN GROUPING(i.service) = 1 THEN i.team ELSE i.service END)
           COLLATE "C" AS scope_id,
       count(*) FILTER (WHERE i.started_at >= p.period_start AND i.started_at < p.period_end) AS started,
       count(*) FILTER (WHERE i.resolved_at >= p.period_start AND i.resolved_at < p.period_end
                          AND i.resolved_at >= i.started_at) AS restores,
       avg(extract(epoch FROM i.resolved_at - i.started_at) / 3600)
           FILTER (WHERE i.resolved_at >= p.period_start AND i.resolved_at < p.period_end
                     AND i.resolved_at >= i.started_at) AS restore_mean,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i.resolved_at - i.started_at) / 3600)
           FILTER (WHERE i.resolved_at >= p.period_start AND i.resolved_at < p.period_end
                     AND i.resolved_at >= i.started_at) AS restore_median,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM i.resolved_at - i.started_at) / 3600)
           FILTER (WHERE i.resolved_at >= p.period_start AND i.resolved_at < p.period_end
                     AND i.resolved_at >= i.started_at) AS restore_p90,
       count(*) FILTER (WHERE i.resolved_at >= p.period_start AND i.resolved_at < p.period_end
                          AND i.acknowledged_at >= coalesce(i.detected_at, i.started_at)) AS acknowledgements,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY
               extract(epoch FROM i.acknowledged_at - coalesce(i.detected_at, i.started_at)) / 3600)
           FILTER (WHERE i.resolved_at >= p.period_start AND i.resolved_at < p.period_end
                     AND i.acknowledged_at >= coalesce(i.detected_at, i.started_at)) AS acknowledge_median
FROM a_incident i
CROSS JOIN a_param p
WHERE (i.started_at >= p.period_start AND i.started_at < p.period_end)
   OR (i.resolved_at >= p.period_start AND i.resolved_at < p.period_end)
GROUP BY ROLLUP (i.team, i.service)
;
ANALYZE a_incident_scope
;
