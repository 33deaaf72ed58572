-- Report data set: the register of the deployment gate's decisions (DESIGN.md section 9): every decision the job's
--   gate took in the period (asked in it, up to the run's as_of), overrides and refused overrides included, with
--   the deployment asked about, the controls that failed and the engine that judged them. Decisions are
--   append-only (gate_decision): the register shows them as they were taken.
-- Parameters: :run_id. Columns: as selected.
WITH run AS (SELECT * FROM analysis_run WHERE run_id = :run_id)
SELECT g.decision_id, g.asked_at, g.service, g.environment, g.change_id, g.deployed_by, g.deploy_at, g.is_hotfix,
       g.production,
       CASE WHEN g.overridden THEN 'override' ELSE g.decision END AS decision,
       (SELECT string_agg(c ->> 'rule_id', ', ' ORDER BY c ->> 'rule_id')
        FROM jsonb_array_elements(g.controls) c WHERE c ->> 'result' = 'fail') AS failed_controls,
       g.override_by, g.override_reason, g.override_refused, g.engine_version
FROM gate_decision g
CROSS JOIN run
WHERE g.job = run.job AND g.asked_at >= run.period_start AND g.asked_at < run.period_end AND g.asked_at <= run.as_of
ORDER BY g.asked_at, g.decision_id
