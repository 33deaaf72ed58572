-- Report data set: the population reconciliation (sql/analysis/reconciliation.sql made it with the run): from the
--   rows of the input files to the records in the ledger, to the period's deployments, to production, to the
--   tested population, with each step's count, what it removed and why; then the changes and the incidents.
-- Parameters: :run_id. Columns: as selected.
SELECT step_no, population, records, removed, reason
FROM population_step
WHERE run_id = :run_id
ORDER BY step_no
