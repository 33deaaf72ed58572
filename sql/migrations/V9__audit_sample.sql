-- Purpose: the audit pack's reproducible sample (DESIGN.md 7.2) is drawn once, by the analysis, from the period's
-- production deployments it already holds (sql/analysis/sample.sql), and stored with the run. The PDF and the
-- workbook read it from here: drawing it in each report recomputed the latest version of every deployment in the
-- ledger (8 s at 1M deployments, twice).
CREATE TABLE audit_sample (
    run_id                bigint  NOT NULL REFERENCES analysis_run (run_id),
    sample_position       integer NOT NULL,
    change_id             text COLLATE "C" NOT NULL,
    type                  text COLLATE "C",
    risk                  text COLLATE "C",
    service               text COLLATE "C",
    status                text COLLATE "C",
    approved_by           text COLLATE "C",
    approval_type         text COLLATE "C",
    outcome               text COLLATE "C",
    sha256_of_seed_and_id text COLLATE "C" NOT NULL,
    PRIMARY KEY (run_id, sample_position)
);
