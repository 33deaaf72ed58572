-- Purpose: speed of ingest (issue 6). Every row COPYed into a table of versions fired a foreign-key check against
-- source_file: at 1M deployments the checks took 4.7 s of an 8.5 s insert (measured with INSERT ... SELECT of
-- 999,788 rows on PostgreSQL 15: 8.5 s with the key, 3.8 s without). The rows are written only by the ingest job,
-- always with the file_id of the registered file it loads, and publishing a file reconciles its rows by file_id
-- (read = loaded + rejected + duplicate), so the per-row check guards nothing the ingest does not already ensure.
-- source_file rows are never deleted.
ALTER TABLE deployment_version DROP CONSTRAINT deployment_version_file_id_fkey;
ALTER TABLE change_version DROP CONSTRAINT change_version_file_id_fkey;
ALTER TABLE incident_version DROP CONSTRAINT incident_version_file_id_fkey;
ALTER TABLE service_version DROP CONSTRAINT service_version_file_id_fkey;
ALTER TABLE blackout_version DROP CONSTRAINT blackout_version_file_id_fkey;
ALTER TABLE exception_version DROP CONSTRAINT exception_version_file_id_fkey;
ALTER TABLE rejected_row DROP CONSTRAINT rejected_row_file_id_fkey;
ALTER TABLE ingest_note DROP CONSTRAINT ingest_note_file_id_fkey;
