-- The current version of each record, kept as files are published rather than found again by every query.
-- Until now each view of the ledger (deployments, changes, ...) sorted every version of every id to keep the latest
-- (DISTINCT ON over id, load order, line): at 1M deployments and a 1 % correction file, 2M versions sorted by
-- every analysis, every report query and every deployment gate call, and again to find a new file's unchanged rows.
-- Now each kind has a table of its current versions: per id, the file, line and row hash of its latest version among
-- the files that finished loading (the last line of the last file loaded: the views' rule, unchanged). Publishing a
-- file (sql/ingest/publish_current_versions.sql) updates it in the transaction that makes the file visible, so it
-- can never disagree with the files' status; the views join it with the versions.
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
        EXECUTE format($sql$
            CREATE OR REPLACE VIEW %1$I AS
            SELECT v.*
            FROM %2$I c
            JOIN %3$I v ON v.file_id = c.file_id AND v.line_no = c.line_no AND v.%4$I = c.%4$I$sql$,
            kind.view_name, kind.base || '_current', kind.base || '_version', kind.id_column);
        EXECUTE format('COMMENT ON TABLE %I IS %L', kind.base || '_current',
            'The current version of each of ' || kind.view_name || ': the file, line and row hash of its latest'
            || ' version among the files loaded (V20)');
    END LOOP;
END
$$;
