-- Purpose: versioning (DESIGN.md 2.5). A file made visible holds the latest version of each id on its lines (it is
--   the last file loaded): its last line of each id becomes that id's current version (sql/migrations/V20), in the
--   transaction that marks the file loaded. Run after sql/ingest/drop_unchanged_versions.sql, so an id whose rows
--   here were all unchanged keeps the version it had.
-- Parameters: :file_id, the file being published (status 'loading', load_seq assigned).
-- Placeholders: {version_table}, {current_table} and {id_column}, as in drop_unchanged_versions.sql.
-- A file published at the same time as another of its kind never replaces a version from a file later in the load
--   order than itself (the one published second waits for the first to commit, then sees its rows).
INSERT INTO {current_table} AS c ({id_column}, file_id, line_no, row_hash)
SELECT DISTINCT ON (v.{id_column}) v.{id_column}, v.file_id, v.line_no, v.row_hash
FROM {version_table} v
WHERE v.file_id = :file_id
ORDER BY v.{id_column}, v.line_no DESC
ON CONFLICT ({id_column}) DO UPDATE
SET file_id = EXCLUDED.file_id, line_no = EXCLUDED.line_no, row_hash = EXCLUDED.row_hash
WHERE (SELECT f.load_seq FROM source_file f WHERE f.file_id = c.file_id)
    < (SELECT f.load_seq FROM source_file f WHERE f.file_id = EXCLUDED.file_id)
