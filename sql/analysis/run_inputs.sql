-- Purpose: the input files this run's population came from (the audit pack's completeness section): each file
--   that holds the latest version of a record the run used (every kind's latest versions: the prepared tables,
--   and the latest services, blackouts and exceptions), with how many such records it holds. A file registered
--   again with the same content, or whose records were all superseded by later files, is not among them.
-- Reads: a_deployment, a_change, a_incident, a_approval and the views services, blackouts, exceptions (the same
--   snapshot). Columns: file_id, records.
SELECT file_id, count(*) AS records
FROM (
    SELECT file_id FROM a_deployment
    UNION ALL SELECT file_id FROM a_change
    UNION ALL SELECT file_id FROM a_incident
    UNION ALL SELECT file_id FROM a_approval
    UNION ALL SELECT file_id FROM services
    UNION ALL SELECT file_id FROM blackouts
    UNION ALL SELECT file_id FROM exceptions
) used
GROUP BY file_id
