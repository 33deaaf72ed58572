-- Metric: lead_time_median_hours (hours) = continuous median, over the successful members of PD that have a
--   first_commit_at, of finished_at - first_commit_at. A first commit after the finish (a negative duration) is
--   left out (a data-quality item). Denominator: the number of values; numerator empty.
-- Band: elite < lead_time_elite_hours, high < lead_time_high_hours, medium < lead_time_medium_hours, else low.
-- Reads: a_pd_scope (PD counted per scope, sql/analysis/metric_populations.sql), a_scope
--   (sql/analysis/prepare_period.sql), a_param. Columns: scope, scope_id, value, numerator, denominator, band.
SELECT s.scope, s.scope_id, c.lead_time_median AS value, NULL::numeric AS numerator,
       coalesce(c.lead_times, 0)::numeric AS denominator,
       CASE WHEN c.lead_time_median IS NULL THEN NULL
            WHEN c.lead_time_median < p.lead_time_elite_hours THEN 'elite'
            WHEN c.lead_time_median < p.lead_time_high_hours THEN 'high'
            WHEN c.lead_time_median < p.lead_time_medium_hours THEN 'medium'
            ELSE 'low' END AS band
FROM a_scope s
CROSS JOIN a_param p
LEFT JOIN a_pd_scope c ON c.scope = s.scope AND c.scope_id = s.scope_id
