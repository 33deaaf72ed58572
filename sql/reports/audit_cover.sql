-- Report data set: the audit pack's cover: the run and its period, and the size of each population.
-- Parameters: :run_id. Columns: item, value.
SELECT item, value
FROM analysis_run r,
LATERAL (VALUES
    ('run', r.run_id::text),
    ('job', r.job),
    ('period', r.period || ' [' || to_char(r.period_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ', '
        || to_char(r.period_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ') ' || r.zone),
    ('as of', to_char(r.as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
    ('engine version', r.engine_version),
    ('analysed at', to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
    ('input files loaded', (SELECT count(*) FROM source_file WHERE status = 'loaded')::text),
    ('findings', (SELECT count(*) FROM finding f WHERE f.run_id = r.run_id AND NOT f.pending)::text),
    ('pending items', (SELECT count(*) FROM finding f WHERE f.run_id = r.run_id AND f.pending)::text),
    ('data-quality items', (SELECT count(*) FROM data_quality_item q WHERE q.run_id = r.run_id)::text)
) AS cover (item, value)
WHERE r.run_id = :run_id
