-- Report data set (PDF): one small burn-down chart: the budget left at the end of each day of the period, in % of
--   the allowance and with its real value (below zero once exhausted), of the service ranked :rank by budget left
--   (1 = the least left; ties by name), beside the ideal burn (an even spend that reaches 0 at the period end).
--   Read by the template reports/error-budget.jrxml, whose eight charts (data set "burndown") each pass their rank.
-- Parameters: :run_id; :rank, written into the text by the engine (a number it chose, never input).
-- Columns: series (the service, or "ideal burn"), day (of the month, reporting zone), remaining_pct.
WITH run AS (SELECT * FROM analysis_run WHERE run_id = :run_id),
ranked AS (
    SELECT b.service, b.allowed,
           row_number() OVER (ORDER BY (b.allowed - b.consumed) / b.allowed, b.service) AS position
    FROM error_budget b WHERE b.run_id = :run_id),
chosen AS (SELECT service, allowed FROM ranked WHERE position = :rank),
clipped AS (
    SELECT greatest(i.started_at, run.period_start) AS s,
           least(coalesce(i.resolved_at, run.period_end), run.period_end) AS e
    FROM incidents i CROSS JOIN run
    WHERE i.customer_impact AND i.service = (SELECT service FROM chosen)),
marked AS (
    SELECT s, e, CASE WHEN s <= max(e) OVER (ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                      THEN 0 ELSE 1 END AS starts_island
    FROM clipped WHERE e > s),
islands AS (SELECT s, e, sum(starts_island) OVER (ORDER BY s, e) AS island FROM marked),
merged AS (SELECT min(s) AS s, max(e) AS e FROM islands GROUP BY island),
days AS (
    SELECT d::date AS day, least(((d::date + 1)::timestamp AT TIME ZONE run.zone), run.period_end) AS day_end
    FROM run, generate_series((run.period_start AT TIME ZONE run.zone)::date,
                              (run.period_end AT TIME ZONE run.zone)::date - 1, interval '1 day') d)
SELECT series, to_char(on_date, 'FMDD') AS day, remaining_pct
FROM (
    SELECT c.service AS series, 1 AS series_order, days.day AS on_date,
           ((c.allowed - coalesce(sum(extract(epoch FROM least(m.e, days.day_end) - m.s) / 60)
                FILTER (WHERE m.s < days.day_end), 0)) / c.allowed * 100)::double precision AS remaining_pct
    FROM chosen c CROSS JOIN days LEFT JOIN merged m ON true
    GROUP BY c.service, c.allowed, days.day
    UNION ALL
    SELECT 'ideal burn', 2, days.day,
           (100 * (1 - extract(epoch FROM days.day_end - run.period_start)
                       / extract(epoch FROM run.period_end - run.period_start)))::double precision
    FROM days CROSS JOIN run
    WHERE EXISTS (SELECT 1 FROM chosen)
) points
ORDER BY series_order, on_date
