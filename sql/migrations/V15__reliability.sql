-- Purpose: what a file looked like when it was registered, besides its size and SHA-256: its modification time.
-- A file that changed while it was loaded (grew, or was rewritten) is refused whole when it is published, so
-- its rows are never kept under the hash of other bytes.
ALTER TABLE source_file ADD COLUMN modified_at timestamptz;
