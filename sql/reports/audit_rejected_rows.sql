-- Report data set: every rejected row, with its file, line, raw text and reason.
-- Parameters: :run_id (unused: the ledger as of the run's snapshot). Columns: as selected.
SELECT f.path AS source_file, f.kind, f.status AS file_status, r.line_no, r.reason, r.raw_text
FROM rejected_row r
JOIN source_file f ON f.file_id = r.file_id
WHERE :run_id IS NOT NULL
ORDER BY f.file_id, r.line_no
