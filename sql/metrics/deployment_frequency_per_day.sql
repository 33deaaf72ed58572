-- Metric: deployment_frequency_per_day (per_day) = successful_deployments / length of the period in days
--   (minutes / 1440); numerator the successful deployments, denominator the days.
-- Band, judged on cadence (DESIGN.md section 4): cut the period into weeks (Monday to Monday, reporting zone)
--   and calendar months, both clipped to the period (edge pieces count whole); count the deploy days in each;
--   elite when the median over the weeks >= 5, high when >= 1, medium when the median over the months >= 1,
--   else low (continuous medians; thresholds from the policy).
-- Reads: a_pd_scope (PD counted per scope) and a_pd_day (the deploy days of each scope), both made by
--   sql/analysis/metric_populations.sql; a_scope, a_param. Columns: scope, scope_id, value, numerator, denominator,
--   band.
WITH span AS (
    SELECT (p.period_start AT TIME ZONE p.zone)::date AS first_day,
           (p.period_end AT TIME ZONE p.zone)::date - 1 AS last_day,
           p.period_minutes / 1440 AS days
    FROM a_param p
), bucket AS (
    SELECT 'week' AS unit, week::date AS from_day, (week + interval '6 days')::date AS to_day
    FROM span, generate_series(date_trunc('week', span.first_day), span.last_day, interval '7 days') week
    UNION ALL
    SELECT 'month', month::date, (month + interval '1 month' - interval '1 day')::date
    FROM span, generate_series(date_trunc('month', span.first_day), span.last_day, interval '1 month') month
), per_bucket AS (
    SELECT s.scope, s.scope_id, b.unit, b.from_day, count(dd.day) AS n
    FROM a_scope s
    CROSS JOIN bucket b
    LEFT JOIN a_pd_day dd
           ON dd.scope = s.scope AND dd.scope_id = s.scope_id AND dd.day BETWEEN b.from_day AND b.to_day
    GROUP BY s.scope, s.scope_id, b.unit, b.from_day
), cadence AS (
    SELECT scope, scope_id,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FILTER (WHERE unit = 'week') AS weekly,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FILTER (WHERE unit = 'month') AS monthly
    FROM per_bucket
    GROUP BY scope, scope_id
)
SELECT s.scope, s.scope_id,
       coalesce(ok.successful, 0) / span.days AS value,
       coalesce(ok.successful, 0)::numeric AS numerator,
       span.days AS denominator,
       CASE WHEN c.weekly >= p.frequency_elite_days_per_week THEN 'elite'
            WHEN c.weekly >= p.frequency_high_days_per_week THEN 'high'
            WHEN c.monthly >= p.frequency_medium_days_per_month THEN 'medium'
            ELSE 'low' END AS band
FROM a_scope s
CROSS JOIN span
CROSS JOIN a_param p
LEFT JOIN a_pd_scope ok ON ok.scope = s.scope AND ok.scope_id = s.scope_id
LEFT JOIN cadence c ON c.scope = s.scope AND c.scope_id = s.scope_id
