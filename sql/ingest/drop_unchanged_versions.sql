-- Purpose: versioning (DESIGN.md 2.5). A row equal, field by field after parsing, to the latest version of
--   its id adds no version: delete the rows of the file being published whose row_hash equals the hash of
--   the version just before them (in load order: source_file.load_seq, then line_no). For an id's first line in
--   the file that is its current version (the table of current versions, sql/migrations/V20, holds its row
--   hash); for a later line of the same id, the line before it in this file. Because a removed row equals its
--   predecessor, removing it never changes which version is latest for the rows after it.
-- Parameters: :file_id, the file being published (status 'loading', load_seq already assigned).
-- Placeholders: {version_table}, {current_table} and {id_column}: the kind's table of versions, its table of
--   current versions and its id column.
-- Returns: one row, the number of rows deleted, which is the file's rows_duplicate.
-- Two deletions in one statement (they see the same rows, and delete different ones): the ids on one line of the
--   file, by a hash join of the file's rows with the current versions, each row deleted as it is scanned (at a
--   million rows, finding the rows first and then deleting them by line took most of the time); and the ids on
--   several lines, the only ones ordered by line.
WITH repeated AS MATERIALIZED (
    SELECT r.{id_column} FROM {version_table} r WHERE r.file_id = :file_id GROUP BY r.{id_column} HAVING count(*) > 1
), once AS (
    DELETE FROM {version_table} d
    USING {current_table} c
    WHERE d.file_id = :file_id AND c.{id_column} = d.{id_column} AND c.row_hash = d.row_hash
      AND NOT EXISTS (SELECT 1 FROM repeated r WHERE r.{id_column} = d.{id_column})
    RETURNING 1
), several AS (
    DELETE FROM {version_table} d
    USING (
        SELECT v.line_no, v.{id_column}, v.row_hash,
               lag(v.row_hash) OVER (PARTITION BY v.{id_column} ORDER BY v.line_no) AS previous_in_file
        FROM {version_table} v
        WHERE v.file_id = :file_id AND v.{id_column} IN (SELECT r.{id_column} FROM repeated r)
    ) n
    LEFT JOIN {current_table} c ON c.{id_column} = n.{id_column}
    WHERE d.file_id = :file_id AND d.line_no = n.line_no AND d.{id_column} = n.{id_column}
      AND coalesce(n.previous_in_file, c.row_hash) = n.row_hash
    RETURNING 1
)
SELECT (SELECT count(*) FROM once) + (SELECT count(*) FROM several)
