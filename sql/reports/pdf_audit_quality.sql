-- Report data set (PDF): the data-quality register of the run (section 8).
--   Read by the template reports/audit-pack/quality.jrxml.
-- Parameters: :run_id. Columns: as selected.
SELECT category, kind, record_id, detail FROM data_quality_item WHERE run_id = :run_id ORDER BY category, kind, record_id NULLS FIRST, file_id NULLS FIRST, line_no NULLS FIRST LIMIT 500
