-- Metric: lead_time_p90_hours (hours) = continuous 90th percentile (position 0.9 x (n - 1)), over the successful
--   members of PD that have a first_commit_at not after their finish, of finished_at - first_commit_at.
-- Reads: a_pd, a_scope. Columns: scope, scope_id, value, numerator, denominator, band.
WITH stat AS (
    SELECT sc.scope, sc.scope_id,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM d.finished_at - d.first_commit_at) / 3600)
               AS value,
           count(*) AS n
    FROM a_pd d
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', d.team), ('service', d.service)) sc (scope, scope_id)
    WHERE d.status = 'succeeded' AND d.first_commit_at IS NOT NULL AND d.first_commit_at <= d.finished_at
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id, st.value, NULL::numeric AS numerator, coalesce(st.n, 0)::numeric AS denominator,
       NULL AS band
FROM a_scope s
LEFT JOIN stat st ON st.scope = s.scope AND st.scope_id = s.scope_id
