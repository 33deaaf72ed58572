-- Purpose: the period of an analysis (DESIGN.md section 3) and the policy, as the one-row temporary table
--   a_param that every metric and finding query reads (ON COMMIT DROP). A trend run makes it again per period.
-- Parameters: :period_start, :period_end (the half-open period as instants), :period_minutes (its real length),
--   :as_of (when deadlines are judged), :zone (the reporting zone), :job (the job whose run it is).
-- Columns: period_start, period_end, period_minutes, as_of, zone, job, then every column of a_policy
--   (sql/analysis/policy.sql).
CREATE TEMP TABLE a_param ON COMMIT DROP AS
SELECT CAST(:period_start AS timestamptz)               AS period_start,
       CAST(:period_end AS timestamptz)                 AS period_end,
       CAST(:period_minutes AS numeric)                 AS period_minutes,
       CAST(:as_of AS timestamptz)                      AS as_of,
       CAST(:zone AS text)                              AS zone,
       CAST(:job AS text)                               AS job,
       pol.*
FROM a_policy pol
