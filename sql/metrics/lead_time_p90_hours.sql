-- Metric: lead_time_p90_hours (hours) = continuous 90th percentile (position 0.9 x (n - 1)), over the successful
--   members of PD that have a first_commit_at not after their finish, of finished_at - first_commit_at.
-- Reads: a_pd_scope (PD counted per scope, sql/analysis/metric_populations.sql), a_scope
--   (sql/analysis/prepare_period.sql).
-- Columns: scope, scope_id, value, numerator, denominator, band.
SELECT s.scope, s.scope_id, c.lead_time_p90 AS value, NULL::numeric AS numerator,
       coalesce(c.lead_times, 0)::numeric AS denominator, NULL AS band
FROM a_scope s
LEFT JOIN a_pd_scope c ON c.scope = s.scope AND c.scope_id = s.scope_id
