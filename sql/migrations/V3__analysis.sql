-- Purpose: every analysis run, stored with what it computed, so that auditors can see which query produced
-- which number and runs can be compared. A run names its period, as_of, policy and the SHA-256 of every SQL
-- file it used; its metric values, findings, pending items and data-quality items refer to it.

CREATE TABLE analysis_run (
    run_id          bigserial   PRIMARY KEY,
    job             text        NOT NULL,
    period          text        NOT NULL,
    period_start    timestamptz NOT NULL,
    period_end      timestamptz NOT NULL,
    zone            text        NOT NULL,
    as_of           timestamptz NOT NULL,
    policy          jsonb       NOT NULL,
    sql_files       jsonb       NOT NULL,
    engine_version  text        NOT NULL,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);

CREATE TABLE metric_value (
    run_id      bigint  NOT NULL REFERENCES analysis_run (run_id),
    scope       text    NOT NULL CHECK (scope IN ('org', 'team', 'service')),
    scope_id    text COLLATE "C" NOT NULL,
    metric      text COLLATE "C" NOT NULL,
    value       numeric,
    unit        text    NOT NULL,
    numerator   numeric,
    denominator numeric,
    band        text,
    PRIMARY KEY (run_id, scope, scope_id, metric)
);

-- Findings and pending items (pending = true: an open obligation at as_of, its occurred_at the deadline).
CREATE TABLE finding (
    run_id        bigint      NOT NULL REFERENCES analysis_run (run_id),
    rule_id       text        NOT NULL,
    severity      text        NOT NULL,
    pending       boolean     NOT NULL,
    service       text COLLATE "C",
    team          text COLLATE "C",
    deployment_id text COLLATE "C",
    change_id     text COLLATE "C",
    incident_id   text COLLATE "C",
    occurred_at   timestamptz NOT NULL,
    detail        text        NOT NULL,
    evidence      jsonb       NOT NULL
);
CREATE INDEX finding_by_run ON finding (run_id, pending, rule_id);

-- Data-quality items qualify the numbers; they are not control failures.
CREATE TABLE data_quality_item (
    run_id    bigint NOT NULL REFERENCES analysis_run (run_id),
    category  text   NOT NULL,
    kind      text   NOT NULL,
    record_id text COLLATE "C",
    file_id   bigint,
    line_no   bigint,
    detail    text   NOT NULL
);
CREATE INDEX data_quality_item_by_run ON data_quality_item (run_id, category);

-- A text field from input as written to the CSV outputs: one that starts with =, +, -, @, a tab or a carriage
-- return gets a leading ' so that a spreadsheet cannot take it for a formula. Outputs sort on this text.
CREATE FUNCTION csv_text(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN left(value, 1) IN ('=', '+', '-', '@', E'\t', E'\r') THEN '''' || value ELSE value END
$$;
