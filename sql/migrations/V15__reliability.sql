-- Purpose: what a file looked like when it was registered, besides its size and SHA-256: its modification time.
-- A file that changed while it was loaded (grew, or was rewritten) is refused whole when it is published, so
-- its rows are never kept under the hash of other bytes.
ALTER TABLE source_file ADD COLUMN modified_at timestamptz;

-- The run (its Spring Batch job instance) whose ingest step registered the file, if a run did: a run resumed after
-- a kill takes the files it had registered as they are, instead of registering each again as a duplicate.
ALTER TABLE source_file ADD COLUMN run_instance_id bigint;
CREATE INDEX source_file_by_run_instance ON source_file (run_instance_id, sha256) WHERE run_instance_id IS NOT NULL;
