-- Metric: change_failure_rate (ratio) = |failed changes| / |live PD|. A failed change is a live member of PD
--   that was rolled back or has at least one linked incident, counted once however many incidents it has.
-- Band: elite <= cfr_elite, high <= cfr_high, medium <= cfr_medium, else low (policy; DORA 2023 defaults).
-- Reads: a_pd_scope (PD counted per scope, sql/analysis/metric_populations.sql), a_scope
--   (sql/analysis/prepare_period.sql), a_param. Columns: scope, scope_id, value, numerator, denominator, band.
WITH rated AS (
    SELECT s.scope, s.scope_id, coalesce(c.failed_changes, 0)::numeric AS failed,
           coalesce(c.live, 0)::numeric AS live,
           coalesce(c.failed_changes, 0)::numeric / nullif(coalesce(c.live, 0), 0) AS value
    FROM a_scope s
    LEFT JOIN a_pd_scope c ON c.scope = s.scope AND c.scope_id = s.scope_id
)
SELECT r.scope, r.scope_id, r.value, r.failed AS numerator, r.live AS denominator,
       CASE WHEN r.value IS NULL THEN NULL
            WHEN r.value <= p.cfr_elite THEN 'elite'
            WHEN r.value <= p.cfr_high THEN 'high'
            WHEN r.value <= p.cfr_medium THEN 'medium'
            ELSE 'low' END AS band
FROM rated r
CROSS JOIN a_param p
