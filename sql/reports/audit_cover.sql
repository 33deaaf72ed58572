-- Report data set: the audit pack's cover: the run and its period, and the size of each population. A form (one
--   labelled value a row): each value in the column of its type, so a count is a number and a time a date.
-- Parameters: :run_id. Columns: item, text, number, time.
SELECT item, text, number, time
FROM analysis_run r,
LATERAL (VALUES
    ('run', NULL, r.run_id, NULL::timestamptz),
    ('job', r.job, NULL, NULL),
    ('period', r.period || ' [' || to_char(r.period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ', '
        || to_char(r.period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ') ' || r.zone, NULL, NULL),
    ('period start (UTC)', NULL, NULL, r.period_start),
    ('period end (UTC)', NULL, NULL, r.period_end),
    ('as of (UTC)', NULL, NULL, r.as_of),
    ('engine version', r.engine_version, NULL, NULL),
    ('analysed at (UTC)', NULL, NULL, r.finished_at),
    ('input files used', NULL, (SELECT count(*) FROM run_input_file i WHERE i.run_id = r.run_id), NULL),
    ('findings', NULL, (SELECT count(*) FROM finding f WHERE f.run_id = r.run_id AND NOT f.pending), NULL),
    ('pending items', NULL, (SELECT count(*) FROM finding f WHERE f.run_id = r.run_id AND f.pending), NULL),
    ('data-quality items', NULL, (SELECT count(*) FROM data_quality_item q WHERE q.run_id = r.run_id), NULL)
) AS cover (item, text, number, time)
WHERE r.run_id = :run_id
