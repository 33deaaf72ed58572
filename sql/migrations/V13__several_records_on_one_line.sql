-- Purpose: a source profile can make several records of one line (jsm-approval: one approval record per approver
-- of each approval of a request's line; DESIGN.md 2.6). A record keeps the line it starts on, so the line alone no
-- longer names it: rejected rows and ignored values are keyed by the record's number in its file as well, and an
-- approval version by its approval_id on that line (two records of one line with the same id are refused before
-- they reach the ledger). Rows written before this migration had one record per line: their record number is
-- their line number, which is unique in their file.
ALTER TABLE rejected_row ADD COLUMN record_no bigint;
UPDATE rejected_row SET record_no = line_no;
ALTER TABLE rejected_row ALTER COLUMN record_no SET NOT NULL;
ALTER TABLE rejected_row DROP CONSTRAINT rejected_row_pkey;
ALTER TABLE rejected_row ADD PRIMARY KEY (file_id, line_no, record_no);

ALTER TABLE ingest_note ADD COLUMN record_no bigint;
UPDATE ingest_note SET record_no = line_no;
ALTER TABLE ingest_note ALTER COLUMN record_no SET NOT NULL;
ALTER TABLE ingest_note DROP CONSTRAINT ingest_note_pkey;
ALTER TABLE ingest_note ADD PRIMARY KEY (file_id, line_no, record_no, field);

ALTER TABLE approval_version DROP CONSTRAINT approval_version_pkey;
ALTER TABLE approval_version ADD PRIMARY KEY (file_id, line_no, approval_id);
