-- The tables of versions keep one index, their primary key (file_id, line_no), where a file's rows are appended in
-- order. Since V22 nothing looks a version up by its id: the views find each id's current version through the
-- table of current versions (its primary key is the id) and then the version by file and line; the duplicate check
-- and the publishing (sql/ingest/) read the rows of one file, by the primary key's first column. The index on the
-- id (V2) was still kept up by every row a file loads, one insertion at a random place in a tree of every version
-- ever loaded (10 million entries after a month of 10M deployments), stored and written into the WAL for nothing.
-- approvals keep theirs: their view still finds the latest version of an approval by its id (V22).
DROP INDEX deployment_version_by_id;
DROP INDEX change_version_by_id;
DROP INDEX incident_version_by_id;
DROP INDEX service_version_by_id;
DROP INDEX blackout_version_by_id;
DROP INDEX exception_version_by_id;
DROP INDEX response_version_by_key; -- V14's name for the same index
