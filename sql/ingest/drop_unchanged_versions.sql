-- Purpose: versioning (DESIGN.md 2.5). A row equal, field by field after parsing, to the latest version of
--   its id adds no version: delete the rows of the file being published whose row_hash equals the hash of
--   the version just before them (in load order: source_file.load_seq, then line_no). Because a removed row
--   equals its predecessor, removing it never changes which version is latest for the rows after it.
-- Parameters: :file_id, the file being published (status 'loading', load_seq already assigned).
-- Placeholders: {version_table} and {id_column}, the kind's table of versions and its id column.
-- Returns: the number of rows deleted, which is the file's rows_duplicate.
-- The rows to delete are found first and then removed by line and id (a profile can make several records of one
--   line, each of its own id: V13), so the plan stays a
-- semi-join whatever the table's statistics say. A first load of a kind, whose ids are all new, sorts nothing.
DELETE FROM {version_table} d
WHERE d.file_id = :file_id
  AND (d.line_no, d.{id_column}) IN (
      SELECT ordered.line_no, ordered.{id_column}
      FROM (
          SELECT v.file_id, v.line_no, v.{id_column}, v.row_hash,
                 lag(v.row_hash) OVER (PARTITION BY v.{id_column} ORDER BY f.load_seq, v.line_no) AS previous_hash
          FROM {version_table} v
          JOIN source_file f ON f.file_id = v.file_id AND (f.status = 'loaded' OR f.file_id = :file_id)
          WHERE v.{id_column} IN (
              -- only an id of this file that has another version (in a loaded file or this one) can repeat one:
              -- a hash aggregate finds them, so the sort of the window covers those ids alone
              SELECT x.{id_column}
              FROM {version_table} x
              JOIN source_file xf ON xf.file_id = x.file_id AND (xf.status = 'loaded' OR xf.file_id = :file_id)
              WHERE x.{id_column} IN (SELECT {id_column} FROM {version_table} WHERE file_id = :file_id)
              GROUP BY x.{id_column}
              HAVING count(*) > 1)
      ) ordered
      WHERE ordered.file_id = :file_id AND ordered.previous_hash = ordered.row_hash)
