-- Report data set: the data-quality register of the run (items that qualify the numbers, not control failures).
-- Parameters: :run_id. Columns: as selected.
SELECT q.category, q.kind, q.record_id, f.path AS source_file, q.line_no, q.detail
FROM data_quality_item q
LEFT JOIN source_file f ON f.file_id = q.file_id
WHERE q.run_id = :run_id
ORDER BY q.category, q.kind, q.record_id NULLS FIRST, q.file_id NULLS FIRST, q.line_no NULLS FIRST
