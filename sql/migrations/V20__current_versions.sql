-- The current version of each record, kept as files are published rather than found again for each new file.
-- Until now a file's duplicate check (sql/ingest/drop_unchanged_versions.sql) ordered every version of every id
-- the file names: at 1M deployments, a 1 % correction file sorted 2M versions to find its 10,000 changed rows.
-- Now each kind has a table of its current versions: per id, the file, line and row hash of its latest version among
-- the files that finished loading (the last line of the last file loaded: the views' rule). Publishing a file
-- (sql/ingest/publish_current_versions.sql) updates it in the transaction that makes the file visible, so it can
-- never disagree with the files' status. The views (deployments, changes, ...) still find the latest version
-- themselves: joined with this table on file, line and id, the planner took the join for a single row (the three
-- columns' selectivities multiplied) and the analysis at 1M deployments went from 12 s to 51 s of preparation.
DO $$
DECLARE
    kind record;
BEGIN
    FOR kind IN SELECT * FROM (VALUES
            ('deployments', 'deployment', 'deployment_id'), ('changes', 'change', 'change_id'),
            ('incidents', 'incident', 'incident_id'), ('services', 'service', 'service'),
            ('blackouts', 'blackout', 'blackout_id'), ('exceptions', 'exception', 'exception_id'),
            ('approvals', 'approval', 'approval_id'), ('responses', 'response', 'response_key'))
            AS k (view_name, base, id_column) LOOP
        EXECUTE format($sql$
            CREATE TABLE %1$I (
                %2$I     text COLLATE "C" PRIMARY KEY,
                file_id  bigint NOT NULL,
                line_no  bigint NOT NULL,
                row_hash bytea  NOT NULL
            )$sql$, kind.base || '_current', kind.id_column);
        EXECUTE format($sql$
            INSERT INTO %1$I (%2$I, file_id, line_no, row_hash)
            SELECT DISTINCT ON (v.%2$I) v.%2$I, v.file_id, v.line_no, v.row_hash
            FROM %3$I v JOIN source_file f ON f.file_id = v.file_id AND f.status = 'loaded'
            ORDER BY v.%2$I, f.load_seq DESC, v.line_no DESC$sql$,
            kind.base || '_current', kind.id_column, kind.base || '_version');
        EXECUTE format('COMMENT ON TABLE %I IS %L', kind.base || '_current',
            'The current version of each of ' || kind.view_name || ': the file, line and row hash of its latest'
            || ' version among the files loaded (V20)');
    END LOOP;
END
$$;
