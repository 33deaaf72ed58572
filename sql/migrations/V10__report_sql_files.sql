-- Purpose: the SQL files a run's documents ran (sql/reports/: every PDF section, chart and workbook sheet), with
-- the SHA-256 of each, recorded before the documents are written: the manifest and the audit pack's SQL section
-- list them beside the analysis's own (analysis_run.sql_files), so every number in a document names its query.
CREATE TABLE report_sql_file (
    run_id bigint NOT NULL REFERENCES analysis_run (run_id),
    name   text COLLATE "C" NOT NULL,
    sha256 text COLLATE "C" NOT NULL,
    PRIMARY KEY (run_id, name)
);
