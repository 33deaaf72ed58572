-- Purpose: what the documents need so their readers can act on them (issue 12).

-- A finding's evidence as labelled fields, one a line ("Approved at: 2026-10-07 11:49:00 UTC"), for the
-- exceptions register of the audit pack and its workbook: the keys in byte order, an underscore read as a space,
-- a list joined with commas, an instant in UTC, an empty value as "none".
CREATE FUNCTION evidence_text(evidence jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT string_agg(upper(left(e.key, 1)) || replace(substr(e.key, 2), '_', ' ') || ': '
                      || CASE jsonb_typeof(e.value)
                             WHEN 'null' THEN 'none'
                             WHEN 'array' THEN coalesce((SELECT string_agg(x, ', ')
                                                         FROM jsonb_array_elements_text(e.value) x), 'none')
                             ELSE regexp_replace(e.value #>> '{}',
                                                 '^([0-9]{4}-[0-9]{2}-[0-9]{2})T([0-9]{2}:[0-9]{2}:[0-9]{2})(\.[0-9]+)?\+00:00$',
                                                 '\1 \2 UTC')
                         END,
                      E'\n' ORDER BY e.key COLLATE "C")
    FROM jsonb_each(evidence) e
$$;

-- Each control described for the auditor (the audit pack's table of controls): its plain name, objective, test
-- criterion, the policy values it used in the run, and its owner (policy control_owners).
ALTER TABLE control_population ADD COLUMN title text, ADD COLUMN objective text, ADD COLUMN criterion text,
                               ADD COLUMN policy_values text, ADD COLUMN owner text;

-- The error-budget review's state of each budget: how much of the consumption comes from incidents still open at
-- the period end (their downtime runs to it), how many, and the production deployments that started once the
-- budget was exhausted, with those the policy allows (emergency changes and hotfixes; the rest are RL13's).
ALTER TABLE error_budget ADD COLUMN open_consumed numeric NOT NULL DEFAULT 0,
                         ADD COLUMN open_incidents integer NOT NULL DEFAULT 0,
                         ADD COLUMN releases_exhausted integer NOT NULL DEFAULT 0,
                         ADD COLUMN releases_allowed integer NOT NULL DEFAULT 0;

-- How the documents mark an incident wherever they list it: "open since <start> UTC" when it was still open at the
-- period end (never resolved, or resolved after the end: its downtime runs to the end), else "resolved".
CREATE FUNCTION incident_state(started_at timestamptz, resolved_at timestamptz, period_end timestamptz)
    RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN resolved_at IS NULL OR resolved_at >= period_end
                THEN 'open since ' || to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC'
                     || CASE WHEN resolved_at IS NOT NULL THEN ' (resolved after the period)' ELSE '' END
                ELSE 'resolved' END
$$;

-- The input files a run's population came from: each file that holds the latest version of at least one record
-- the run used, with how many (sql/analysis/run_inputs.sql). The audit pack lists these, not the whole registry.
CREATE TABLE run_input_file (
    run_id  bigint NOT NULL REFERENCES analysis_run (run_id),
    file_id bigint NOT NULL,
    records bigint NOT NULL,
    PRIMARY KEY (run_id, file_id)
);

-- The population reconciliation of a run (sql/analysis/reconciliation.sql): from the rows of the input files to
-- the records in the ledger, to the period's deployments, to production, to the tested population, each step
-- with its count, what it removed and why.
CREATE TABLE population_step (
    run_id     bigint  NOT NULL REFERENCES analysis_run (run_id),
    step_no    integer NOT NULL,
    population text    NOT NULL,
    records    bigint  NOT NULL,
    removed    bigint,
    reason     text    NOT NULL,
    PRIMARY KEY (run_id, step_no)
);

-- The eighth kind, responses: management's response to a finding (owner, response, remediation date), keyed by
-- the finding's rule_id, deployment_id, change_id and incident_id (an empty part matches an empty part).
-- Versioned like every kind; the key the ledger makes of the four identifies a response, so a response sent again
-- for the same finding is its new version. The analysis matches them to the period's findings.
ALTER TABLE source_file DROP CONSTRAINT source_file_kind_check;
ALTER TABLE source_file ADD CONSTRAINT source_file_kind_check CHECK (kind IN ('deployments', 'changes', 'incidents',
    'services', 'blackouts', 'exceptions', 'approvals', 'responses'));

-- A finding's key as one id: its four parts, an empty one as empty, joined by a character no id holds.
CREATE FUNCTION finding_key(rule_id text, deployment_id text, change_id text, incident_id text)
    RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT upper(trim(rule_id)) || chr(31) || coalesce(deployment_id, '') || chr(31) || coalesce(change_id, '')
           || chr(31) || coalesce(incident_id, '')
$$;

CREATE TABLE response_version (
    file_id         bigint      NOT NULL,
    line_no         bigint      NOT NULL,
    row_hash        bytea       NOT NULL,
    rule_id         text COLLATE "C" NOT NULL,
    deployment_id   text COLLATE "C",
    change_id       text COLLATE "C",
    incident_id     text COLLATE "C",
    owner           text,
    response        text,
    remediation_due timestamptz,
    response_key    text COLLATE "C" NOT NULL
                    GENERATED ALWAYS AS (finding_key(rule_id, deployment_id, change_id, incident_id)) STORED,
    PRIMARY KEY (file_id, line_no)
);
CREATE INDEX response_version_by_key ON response_version (response_key);

CREATE VIEW responses AS
SELECT DISTINCT ON (v.response_key) v.*
FROM response_version v JOIN source_file f ON f.file_id = v.file_id AND f.status = 'loaded'
ORDER BY v.response_key, f.load_seq DESC, v.line_no DESC;

-- A finding's management response (from the responses matched to it), and whether its key was also a finding of
-- the job's previous period (repeated), with the response it had then.
ALTER TABLE finding ADD COLUMN owner text, ADD COLUMN response text, ADD COLUMN remediation_due timestamptz,
                    ADD COLUMN repeated boolean NOT NULL DEFAULT false, ADD COLUMN previous_response text;
