-- Report data set (PDF): the scorecard's first chart: successful deployments per day of the organisation, in the
--   run's period and the five before it (their trend runs). One unit: deployments a day.
--   Read by the template reports/scorecard.jrxml (its data set "frequency").
-- Parameters: :run_id. Columns: period (a short label), metric (the series), value.
SELECT CASE WHEN r.period LIKE '%-W%' THEN substring(r.period FROM 6)
            WHEN r.period LIKE '%-Q%' THEN substring(r.period FROM 6) || ' ' || left(r.period, 4)
            ELSE to_char(r.period_start AT TIME ZONE r.zone, 'Mon') END AS period,
       'successful deployments per day' AS metric,
       coalesce(m.value, 0)::double precision AS value
FROM analysis_run r JOIN metric_value m ON m.run_id = r.run_id AND m.scope = 'org'
   AND m.metric = 'deployment_frequency_per_day'
WHERE r.run_id = :run_id OR r.trend_of = :run_id
ORDER BY r.period_start
