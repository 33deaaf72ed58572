-- Metric: incidents (count) = incidents whose started_at is in the period, under the incident's service.
-- Reads: a_incident, a_scope, a_param. Columns: scope, scope_id, value, numerator, denominator, band.
WITH counted AS (
    SELECT sc.scope, sc.scope_id, count(*) AS n
    FROM a_incident i
    CROSS JOIN a_param p
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', i.team), ('service', i.service)) sc (scope, scope_id)
    WHERE i.started_at >= p.period_start AND i.started_at < p.period_end
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id, coalesce(c.n, 0) AS value, NULL::numeric AS numerator, NULL::numeric AS denominator,
       NULL AS band
FROM a_scope s
LEFT JOIN counted c ON c.scope = s.scope AND c.scope_id = s.scope_id
