-- Metric: deploy_days (count) = distinct local dates (reporting zone) of the finished_at of successful members
--   of PD.
-- Reads: a_pd, a_scope, a_param. Columns: scope, scope_id, value, numerator, denominator, band.
WITH counted AS (
    SELECT sc.scope, sc.scope_id, count(DISTINCT (d.finished_at AT TIME ZONE p.zone)::date) AS n
    FROM a_pd d
    CROSS JOIN a_param p
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', d.team), ('service', d.service)) sc (scope, scope_id)
    WHERE d.status = 'succeeded'
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id, coalesce(c.n, 0) AS value, NULL::numeric AS numerator, NULL::numeric AS denominator,
       NULL AS band
FROM a_scope s
LEFT JOIN counted c ON c.scope = s.scope AND c.scope_id = s.scope_id
