-- Purpose: `run` and `serve` execute a job's period as one Spring Batch job (ingest, analyse, trends, publish) that
-- restarts from the step where it failed or was stopped. Its analysis names the job instance it belongs to, so a
-- restarted run finds the analysis an earlier attempt already stored instead of analysing again, and `runs` can
-- show every attempt with its status.
ALTER TABLE analysis_run ADD COLUMN job_instance_id bigint;
CREATE INDEX analysis_run_by_job_instance ON analysis_run (job_instance_id);
