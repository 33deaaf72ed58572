-- Purpose: versioning (DESIGN.md 2.5). A row equal, field by field after parsing, to the latest version of
--   its id adds no version: delete the rows of the file being published whose row_hash equals the hash of
--   the version just before them (in load order: source_file.load_seq, then line_no). For an id's first line in
--   the file that is its current version (the table of current versions, sql/migrations/V20, holds its row
--   hash); for a later line of the same id, the line before it in this file. Because a removed row equals its
--   predecessor, removing it never changes which version is latest for the rows after it.
-- Parameters: :file_id, the file being published (status 'loading', load_seq already assigned).
-- Placeholders: {version_table}, {current_table} and {id_column}: the kind's table of versions, its table of
--   current versions and its id column.
-- Returns: the number of rows deleted, which is the file's rows_duplicate.
-- The rows to delete are found first and then removed by line and id (a profile can make several records of one
--   line, each of its own id: V13). Only the ids on several lines of the file are ordered by line; the others are
--   compared with their current version by a hash join, so a first load, or a correction file of a million rows,
--   sorts nothing.
WITH repeated AS (
    SELECT r.{id_column} FROM {version_table} r WHERE r.file_id = :file_id GROUP BY r.{id_column} HAVING count(*) > 1
), unchanged AS (
    SELECT v.line_no, v.{id_column}
    FROM {version_table} v
    JOIN {current_table} c ON c.{id_column} = v.{id_column} AND c.row_hash = v.row_hash
    WHERE v.file_id = :file_id AND NOT EXISTS (SELECT 1 FROM repeated r WHERE r.{id_column} = v.{id_column})
    UNION ALL
    SELECT n.line_no, n.{id_column}
    FROM (
        SELECT v.line_no, v.{id_column}, v.row_hash,
               lag(v.row_hash) OVER (PARTITION BY v.{id_column} ORDER BY v.line_no) AS previous_in_file
        FROM {version_table} v
        WHERE v.file_id = :file_id AND v.{id_column} IN (SELECT r.{id_column} FROM repeated r)
    ) n
    LEFT JOIN {current_table} c ON c.{id_column} = n.{id_column}
    WHERE coalesce(n.previous_in_file, c.row_hash) = n.row_hash
)
DELETE FROM {version_table} d
WHERE d.file_id = :file_id
  AND (d.line_no, d.{id_column}) IN (SELECT u.line_no, u.{id_column} FROM unchanged u)
