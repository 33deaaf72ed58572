-- Purpose: versioning (DESIGN.md 2.5). A file made visible holds the latest version of each id on its lines (it is
--   the last file loaded): its last line of each id becomes that id's current version (sql/migrations/V20), in the
--   transaction that marks the file loaded. Run after sql/ingest/drop_unchanged_versions.sql, so an id whose rows
--   here were all unchanged keeps the version it had.
-- Parameters: :file_id, the file being published (status 'loading', load_seq assigned).
-- Placeholders: {version_table}, {current_table} and {id_column}, as in drop_unchanged_versions.sql.
-- Files of one kind are published one at a time (the publishing transaction holds a lock of its kind), so the ids
--   already current are updated and the ids new to the ledger inserted plainly (both read the table as it was
--   before this statement), without a check for a conflict per row.
-- Runs with enable_nestloop off (PublishFileTasklet): the new ids are found by one anti join reading the table of
--   current versions once; a nested loop would scan it again for every id while this statement fills it.
WITH latest AS MATERIALIZED (
    SELECT DISTINCT ON (v.{id_column}) v.{id_column}, v.file_id, v.line_no, v.row_hash
    FROM {version_table} v
    WHERE v.file_id = :file_id
    ORDER BY v.{id_column}, v.line_no DESC
), replaced AS (
    UPDATE {current_table} c
    SET file_id = l.file_id, line_no = l.line_no, row_hash = l.row_hash
    FROM latest l
    WHERE c.{id_column} = l.{id_column}
    RETURNING c.{id_column}
)
INSERT INTO {current_table} ({id_column}, file_id, line_no, row_hash)
SELECT l.{id_column}, l.file_id, l.line_no, l.row_hash
FROM latest l
WHERE NOT EXISTS (SELECT 1 FROM {current_table} c WHERE c.{id_column} = l.{id_column})
