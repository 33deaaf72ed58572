-- Metric: lead_time_median_hours (hours) = continuous median, over the successful members of PD that have a
--   first_commit_at, of finished_at - first_commit_at. A first commit after the finish (a negative duration) is
--   left out (a data-quality item). Denominator: the number of values; numerator empty.
-- Band: elite < lead_time_elite_hours, high < lead_time_high_hours, medium < lead_time_medium_hours, else low.
-- Reads: a_pd, a_scope, a_param. Columns: scope, scope_id, value, numerator, denominator, band.
WITH stat AS (
    SELECT sc.scope, sc.scope_id,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.finished_at - d.first_commit_at) / 3600)
               AS value,
           count(*) AS n
    FROM a_pd d
    CROSS JOIN LATERAL (VALUES ('org', 'all'), ('team', d.team), ('service', d.service)) sc (scope, scope_id)
    WHERE d.status = 'succeeded' AND d.first_commit_at IS NOT NULL AND d.first_commit_at <= d.finished_at
    GROUP BY sc.scope, sc.scope_id
)
SELECT s.scope, s.scope_id, st.value, NULL::numeric AS numerator, coalesce(st.n, 0)::numeric AS denominator,
       CASE WHEN st.value IS NULL THEN NULL
            WHEN st.value < p.lead_time_elite_hours THEN 'elite'
            WHEN st.value < p.lead_time_high_hours THEN 'high'
            WHEN st.value < p.lead_time_medium_hours THEN 'medium'
            ELSE 'low' END AS band
FROM a_scope s
CROSS JOIN a_param p
LEFT JOIN stat st ON st.scope = s.scope AND st.scope_id = s.scope_id
