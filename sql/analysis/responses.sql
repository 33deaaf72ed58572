-- Purpose: the audit pack's exceptions register: each finding (and pending item) of the run gets the management
--   response that names its key (the responses kind: rule_id, deployment_id, change_id, incident_id, an empty
--   part matching an empty part; the latest version of each), and a finding whose key was also a finding of the
--   job's previous period (its latest full run) is marked repeated, with the response it had then.
-- Parameters: :run_id, :job, :period_start (the run's). Reads: finding, the view responses, analysis_run.
WITH answer AS (
    SELECT response_key, owner, response, remediation_due FROM responses
), previous AS (
    SELECT finding_key(p.rule_id, p.deployment_id, p.change_id, p.incident_id) AS key, p.response
    FROM finding p
    WHERE NOT p.pending
      AND p.run_id = (SELECT max(r.run_id) FROM analysis_run r
                      WHERE r.job = CAST(:job AS text) AND r.trend_of IS NULL AND r.finished_at IS NOT NULL
                        AND r.period_end = CAST(:period_start AS timestamptz))
), matched AS (
    SELECT f.ctid AS row, a.owner, a.response, a.remediation_due, p.key IS NOT NULL AND NOT f.pending AS repeated,
           p.response AS previous_response
    FROM finding f
    LEFT JOIN answer a ON a.response_key = finding_key(f.rule_id, f.deployment_id, f.change_id, f.incident_id)
    LEFT JOIN previous p ON p.key = finding_key(f.rule_id, f.deployment_id, f.change_id, f.incident_id)
                        AND NOT f.pending
    WHERE f.run_id = :run_id AND (a.response_key IS NOT NULL OR p.key IS NOT NULL)
      -- evaluated once, first: with no response and no previous run there is nothing to match, and the run's
      -- findings are not read at all (650,315 keys computed for nothing took 3 s at 1M deployments)
      AND (EXISTS (SELECT 1 FROM answer) OR EXISTS (SELECT 1 FROM previous))
)
UPDATE finding f
SET owner = m.owner, response = m.response, remediation_due = m.remediation_due, repeated = m.repeated,
    previous_response = m.previous_response
FROM matched m
WHERE f.ctid = m.row
