-- Purpose: evidence_text() (V14) written to cost less, the same text for every evidence: the values read once as
-- text (jsonb_each_text), and the regular expression that turns a UTC timestamp into "2026-10-07 10:44:38 UTC"
-- tried only on values shaped like one (a LIKE first). At 1M deployments the audit workbook's Exceptions sheet
-- formats 650,000 findings' evidence: 20.7 s before, 13.3 s after (PostgreSQL 15, this machine).
CREATE OR REPLACE FUNCTION evidence_text(evidence jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT string_agg(upper(left(e.key, 1)) || replace(substr(e.key, 2), '_', ' ') || ': '
                      || CASE WHEN e.value IS NULL THEN 'none'
                              WHEN left(e.value, 1) = '[' AND jsonb_typeof(evidence -> e.key) = 'array'
                                  THEN coalesce((SELECT string_agg(x, ', ')
                                                 FROM jsonb_array_elements_text(evidence -> e.key) x), 'none')
                              WHEN e.value LIKE '____-__-__T__:__:__%+00:00'
                                   AND e.value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?\+00:00$'
                                  THEN left(e.value, 10) || ' ' || substr(e.value, 12, 8) || ' UTC'
                              ELSE e.value END,
                      E'\n' ORDER BY e.key COLLATE "C")
    FROM jsonb_each_text(evidence) e
$$;
