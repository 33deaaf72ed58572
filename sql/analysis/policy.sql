-- Purpose: the job's policy (DESIGN.md section 6) and performance-band thresholds (section 4) as a one-row
--   temporary table, a_policy, the one place the policy enters an analysis (ON COMMIT DROP).
-- Parameters, bound by name from the policy (each named as its key in the job file's policy):
--   :production_environments, :cab_required_risks (JSON arrays of lower-case names); :emergency_review_days,
--   :pir_days, :postmortem_days, :max_exception_days, :stale_incident_days (days of 24 hours); :postmortem_max_severity; the band
--   thresholds :lead_time_hours, :change_failure_rate, :recovery_hours (JSON arrays: elite, high, medium),
--   :deploy_days_per_week (JSON array: elite, high) and :deploy_days_per_month (medium).
-- Columns: production_environments, cab_required_risks (text[]); emergency_review, pir, postmortem,
--   max_exception, stale_incident (intervals of N x 24 hours); postmortem_max_severity; the band thresholds one column each.
CREATE TEMP TABLE a_policy ON COMMIT DROP AS
SELECT ARRAY(SELECT jsonb_array_elements_text(CAST(:production_environments AS jsonb))) AS production_environments,
       ARRAY(SELECT jsonb_array_elements_text(CAST(:cab_required_risks AS jsonb)))      AS cab_required_risks,
       CAST(:emergency_review_days AS integer) * interval '24 hours' AS emergency_review,
       CAST(:pir_days AS integer) * interval '24 hours'              AS pir,
       CAST(:postmortem_days AS integer) * interval '24 hours'       AS postmortem,
       CAST(:postmortem_max_severity AS integer)                     AS postmortem_max_severity,
       CAST(:stale_incident_days AS integer) * interval '24 hours'   AS stale_incident,
       CAST(:gate_required AS boolean)                               AS gate_required,
       CAST(:gate_max_age_minutes AS integer) * interval '1 minute'  AS gate_max_age,
       CAST(:max_exception_days AS integer) * interval '24 hours'    AS max_exception,
       CAST(CAST(:lead_time_hours AS jsonb) ->> 0 AS numeric)        AS lead_time_elite_hours,
       CAST(CAST(:lead_time_hours AS jsonb) ->> 1 AS numeric)        AS lead_time_high_hours,
       CAST(CAST(:lead_time_hours AS jsonb) ->> 2 AS numeric)        AS lead_time_medium_hours,
       CAST(CAST(:change_failure_rate AS jsonb) ->> 0 AS numeric)    AS cfr_elite,
       CAST(CAST(:change_failure_rate AS jsonb) ->> 1 AS numeric)    AS cfr_high,
       CAST(CAST(:change_failure_rate AS jsonb) ->> 2 AS numeric)    AS cfr_medium,
       CAST(CAST(:recovery_hours AS jsonb) ->> 0 AS numeric)         AS recovery_elite_hours,
       CAST(CAST(:recovery_hours AS jsonb) ->> 1 AS numeric)         AS recovery_high_hours,
       CAST(CAST(:recovery_hours AS jsonb) ->> 2 AS numeric)         AS recovery_medium_hours,
       CAST(CAST(:deploy_days_per_week AS jsonb) ->> 0 AS numeric)   AS frequency_elite_days_per_week,
       CAST(CAST(:deploy_days_per_week AS jsonb) ->> 1 AS numeric)   AS frequency_high_days_per_week,
       CAST(:deploy_days_per_month AS numeric)                       AS frequency_medium_days_per_month
