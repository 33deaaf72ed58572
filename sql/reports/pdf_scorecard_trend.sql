-- Report data set (PDF): the trend chart: median lead time, recovery and time to restore of the last six periods.
--   Read by the template reports/scorecard.jrxml (its data set "trend").
-- Parameters: :run_id. Columns: as selected.
SELECT CASE WHEN r.period LIKE '%-W%' THEN substring(r.period FROM 6)
            WHEN r.period LIKE '%-Q%' THEN substring(r.period FROM 6) || ' ' || left(r.period, 4)
            ELSE to_char(r.period_start AT TIME ZONE r.zone, 'Mon') END AS period,
       CASE m.metric WHEN 'lead_time_median_hours' THEN 'lead time'
                     WHEN 'failed_deployment_recovery_median_hours' THEN 'recovery'
                     ELSE 'time to restore' END AS metric,
       -- a median over nothing is null: a gap in the line, never a zero
       m.value::double precision AS value
FROM analysis_run r JOIN metric_value m ON m.run_id = r.run_id AND m.scope = 'org'
WHERE (r.run_id = :run_id OR r.trend_of = :run_id)
  AND m.metric IN ('lead_time_median_hours', 'failed_deployment_recovery_median_hours', 'mttr_median_hours')
ORDER BY r.period_start, m.metric
