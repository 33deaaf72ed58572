-- The views deployments, changes, incidents, services, blackouts, exceptions and responses read the current
-- versions kept since V20 instead of finding them again. Until now each view sorted every version of its kind by
-- id, load order and line (DISTINCT ON) whenever it was read: at 1M deployments that sort of the whole table was
-- the largest single cost of an analysis and of the audit workbook's Deployments sheet, and it grew with every
-- correction file.
-- The rule does not change (DESIGN.md 2.5: the latest version of an id is its last line in the last file loaded):
-- the table of current versions holds, per id, the file and line of exactly that version, and it is written in the
-- transaction that marks a file loaded (sql/ingest/publish_current_versions.sql), so it never disagrees with the
-- files' status. A version is found by its primary key (file_id, line_no) alone, which names one row: joining on
-- the id as well made the planner multiply three columns' selectivities and take a million rows for one (V20).
-- The view's id column is the current table's: a query for one id (the gate's lookup of a change) finds it by the
-- current table's primary key, then its version by the version table's.
-- CREATE OR REPLACE keeps the views' names, columns and order, so the views and functions built on them
-- (gate_coverage, ...) are unchanged.
-- approvals keeps its DISTINCT ON: one line can hold several approvals (V13), so its versions are named by file,
-- line and approval_id, and a join on the three columns is the misestimate above; at 210,000 approvals a month the
-- sort costs about what the join would (0.5 s each, measured at 1M deployments).
DO $$
DECLARE
    kind record;
    columns text;
BEGIN
    FOR kind IN SELECT * FROM (VALUES
            ('deployments', 'deployment', 'deployment_id'), ('changes', 'change', 'change_id'),
            ('incidents', 'incident', 'incident_id'), ('services', 'service', 'service'),
            ('blackouts', 'blackout', 'blackout_id'), ('exceptions', 'exception', 'exception_id'),
            ('responses', 'response', 'response_key'))
            AS k (view_name, base, id_column) LOOP
        SELECT string_agg(CASE WHEN a.attname = kind.id_column THEN format('c.%I', a.attname)
                               ELSE format('v.%I', a.attname) END, ', ' ORDER BY a.attnum)
        INTO columns
        FROM pg_attribute a
        WHERE a.attrelid = (kind.base || '_version')::regclass AND a.attnum > 0 AND NOT a.attisdropped;
        EXECUTE format($sql$
            CREATE OR REPLACE VIEW %1$I AS
            SELECT %2$s
            FROM %3$I c
            JOIN %4$I v ON v.file_id = c.file_id AND v.line_no = c.line_no$sql$,
            kind.view_name, columns, kind.base || '_current', kind.base || '_version');
        EXECUTE format('COMMENT ON VIEW %I IS %L', kind.view_name,
            'The current state of ' || kind.view_name || ': the latest version of each id, the last line of the'
            || ' last file loaded, as kept in ' || kind.base || '_current (V22)');
    END LOOP;
END
$$;
