-- Purpose: trends (DESIGN.md 7.2, 7.3) are computed from the ledger for each earlier period, so the first run
-- already shows them: a report's run analyses the five periods before it too, and those runs name it here.
ALTER TABLE analysis_run ADD COLUMN trend_of bigint REFERENCES analysis_run (run_id);
CREATE INDEX analysis_run_by_trend_of ON analysis_run (trend_of);
