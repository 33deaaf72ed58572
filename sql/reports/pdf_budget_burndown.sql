-- Report data set (PDF): the burn-down chart: remaining budget per day of the eight services with the least left.
--   Read by the template reports/error-budget.jrxml (its data set "burndown").
-- Parameters: :run_id. Columns: as selected.
WITH run AS (SELECT * FROM analysis_run WHERE run_id = :run_id),
worst AS (SELECT b.service FROM error_budget b WHERE b.run_id = :run_id ORDER BY (b.allowed - b.consumed) / b.allowed, b.service LIMIT 8),
clipped AS (
    SELECT i.service, greatest(i.started_at, run.period_start) AS s,
           least(coalesce(i.resolved_at, run.period_end), run.period_end) AS e
    FROM incidents i CROSS JOIN run
    WHERE i.customer_impact AND i.service IN (SELECT service FROM worst)),
marked AS (
    SELECT service, s, e, CASE WHEN s <= max(e) OVER (PARTITION BY service ORDER BY s, e
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS starts_island
    FROM clipped WHERE e > s),
islands AS (SELECT service, s, e, sum(starts_island) OVER (PARTITION BY service ORDER BY s, e) AS island FROM marked),
merged AS (SELECT service, min(s) AS s, max(e) AS e FROM islands GROUP BY service, island),
days AS (
    SELECT d::date AS day, ((d::date + 1)::timestamp AT TIME ZONE run.zone) AS day_end
    FROM run, generate_series((run.period_start AT TIME ZONE run.zone)::date,
                              (run.period_end AT TIME ZONE run.zone)::date - 1, interval '1 day') d)
SELECT b.service, to_char(days.day, 'FMDD') AS day,
       greatest(-100, (b.allowed - coalesce(sum(extract(epoch FROM least(m.e, days.day_end) - m.s) / 60)
            FILTER (WHERE m.s < days.day_end), 0)) / b.allowed * 100)::double precision AS remaining_pct
FROM error_budget b
CROSS JOIN days
LEFT JOIN merged m ON m.service = b.service
WHERE b.run_id = :run_id AND b.service IN (SELECT service FROM worst)
GROUP BY b.service, b.allowed, days.day
ORDER BY b.service, days.day
