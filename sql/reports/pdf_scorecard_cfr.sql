-- Report data set (PDF): the trend chart: deployments per day and change failure rate of the last six periods.
--   Read by the template reports/scorecard.jrxml (its data set "cfr").
-- Parameters: :run_id. Columns: as selected.
SELECT CASE WHEN r.period LIKE '%-W%' THEN substring(r.period FROM 6)
            WHEN r.period LIKE '%-Q%' THEN substring(r.period FROM 6) || ' ' || left(r.period, 4)
            ELSE to_char(r.period_start AT TIME ZONE r.zone, 'Mon') END AS period,
       CASE m.metric WHEN 'change_failure_rate' THEN 'change failure rate (%)' ELSE 'deployments per day' END AS metric,
       coalesce(m.value, 0)::double precision * CASE m.metric WHEN 'change_failure_rate' THEN 100 ELSE 1 END AS value
FROM analysis_run r JOIN metric_value m ON m.run_id = r.run_id AND m.scope = 'org'
   AND m.metric IN ('change_failure_rate', 'deployment_frequency_per_day')
WHERE r.run_id = :run_id OR r.trend_of = :run_id
ORDER BY r.period_start, m.metric
