-- Purpose: the ledger. Every input file is registered (source_file) with its hash and row counts; every
-- accepted row is stored as a version (<kind>_version) that remembers its file and line; rejected rows and
-- values ignored at ingest are kept beside them. Analysis reads the views (deployments, changes, ...),
-- which show the latest version of each id among the files that finished loading.
-- Ordering of versions: source_file.load_seq (the order files finished loading), then line_no.
-- Text columns of the version tables use the "C" collation: ids and names compare and sort in byte order.

CREATE TABLE source_file (
    file_id         bigserial   PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('deployments', 'changes', 'incidents',
                                                         'services', 'blackouts', 'exceptions')),
    format          text        NOT NULL CHECK (format IN ('csv', 'jsonl')),
    path            text        NOT NULL,
    sha256          char(64)    NOT NULL,
    size_bytes      bigint      NOT NULL,
    source_zone     text        NOT NULL,
    -- loading: rows are being written and are invisible; loaded: visible; refused: broken or over the
    -- rejected-share limit, nothing of it visible; skipped: same SHA-256 as a loaded file (duplicate_of)
    status          text        NOT NULL CHECK (status IN ('loading', 'loaded', 'refused', 'skipped')),
    duplicate_of    bigint      REFERENCES source_file (file_id),
    load_seq        bigint      UNIQUE,
    rows_read       bigint      NOT NULL DEFAULT 0,
    rows_loaded     bigint      NOT NULL DEFAULT 0,
    rows_rejected   bigint      NOT NULL DEFAULT 0,
    rows_duplicate  bigint      NOT NULL DEFAULT 0,
    ignored_columns text,
    error_line      bigint,
    error           text,
    registered_at   timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CONSTRAINT source_file_counts_reconcile CHECK (
        status <> 'loaded' OR rows_read = rows_loaded + rows_rejected + rows_duplicate)
);
CREATE UNIQUE INDEX source_file_one_loaded_per_hash ON source_file (sha256) WHERE status = 'loaded';
CREATE UNIQUE INDEX source_file_one_loading_per_hash ON source_file (sha256) WHERE status = 'loading';
CREATE SEQUENCE source_file_load_seq;

CREATE TABLE rejected_row (
    file_id  bigint NOT NULL REFERENCES source_file (file_id),
    line_no  bigint NOT NULL,
    raw_text text   NOT NULL,
    reason   text   NOT NULL,
    PRIMARY KEY (file_id, line_no)
);

-- An optional value that was invalid and ignored (its default applies, the row is kept): a data-quality item.
CREATE TABLE ingest_note (
    file_id bigint NOT NULL REFERENCES source_file (file_id),
    line_no bigint NOT NULL,
    field   text   NOT NULL,
    value   text,
    note    text   NOT NULL,
    PRIMARY KEY (file_id, line_no, field)
);

CREATE TABLE deployment_version (
    file_id         bigint      NOT NULL REFERENCES source_file (file_id),
    line_no         bigint      NOT NULL,
    row_hash        bytea       NOT NULL,
    deployment_id   text COLLATE "C"        NOT NULL,
    service         text COLLATE "C"        NOT NULL,
    environment     text COLLATE "C"        NOT NULL,
    status          text COLLATE "C"        NOT NULL,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    change_id       text COLLATE "C",
    version         text COLLATE "C",
    commit_sha      text COLLATE "C",
    region          text COLLATE "C",
    deployed_by     text COLLATE "C",
    first_commit_at timestamptz,
    rollback_of     text COLLATE "C",
    strategy        text COLLATE "C",
    is_hotfix       boolean     NOT NULL,
    test_evidence   text COLLATE "C",
    PRIMARY KEY (file_id, line_no)
);
CREATE INDEX deployment_version_by_id ON deployment_version (deployment_id);

CREATE TABLE change_version (
    file_id             bigint      NOT NULL REFERENCES source_file (file_id),
    line_no             bigint      NOT NULL,
    row_hash            bytea       NOT NULL,
    change_id           text COLLATE "C"        NOT NULL,
    type                text COLLATE "C"        NOT NULL,
    risk                text COLLATE "C"        NOT NULL,
    service             text COLLATE "C"        NOT NULL,
    status              text COLLATE "C"        NOT NULL,
    requested_by        text COLLATE "C"        NOT NULL,
    created_at          timestamptz NOT NULL,
    title               text COLLATE "C",
    scope               text COLLATE "C",
    approved_by         text COLLATE "C",
    approval_type       text COLLATE "C",
    approved_at         timestamptz,
    planned_start       timestamptz,
    planned_end         timestamptz,
    implemented_by      text COLLATE "C",
    outcome             text COLLATE "C",
    review_completed_at timestamptz,
    exception_id        text COLLATE "C",
    PRIMARY KEY (file_id, line_no)
);
CREATE INDEX change_version_by_id ON change_version (change_id);

CREATE TABLE incident_version (
    file_id                 bigint      NOT NULL REFERENCES source_file (file_id),
    line_no                 bigint      NOT NULL,
    row_hash                bytea       NOT NULL,
    incident_id             text COLLATE "C"        NOT NULL,
    service                 text COLLATE "C"        NOT NULL,
    severity                integer     NOT NULL,
    started_at              timestamptz NOT NULL,
    detected_at             timestamptz,
    acknowledged_at         timestamptz,
    resolved_at             timestamptz,
    caused_by_deployment_id text COLLATE "C",
    caused_by_change_id     text COLLATE "C",
    customer_impact         boolean     NOT NULL,
    postmortem_at           timestamptz,
    title                   text COLLATE "C",
    PRIMARY KEY (file_id, line_no)
);
CREATE INDEX incident_version_by_id ON incident_version (incident_id);

CREATE TABLE service_version (
    file_id    bigint  NOT NULL REFERENCES source_file (file_id),
    line_no    bigint  NOT NULL,
    row_hash   bytea   NOT NULL,
    service    text COLLATE "C"    NOT NULL,
    team       text COLLATE "C"    NOT NULL,
    tier       integer,
    slo_target numeric,
    rollback   text COLLATE "C"    NOT NULL,
    owner      text COLLATE "C",
    PRIMARY KEY (file_id, line_no)
);
CREATE INDEX service_version_by_id ON service_version (service);

CREATE TABLE blackout_version (
    file_id     bigint      NOT NULL REFERENCES source_file (file_id),
    line_no     bigint      NOT NULL,
    row_hash    bytea       NOT NULL,
    blackout_id text COLLATE "C"        NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    services    text COLLATE "C",
    reason      text COLLATE "C",
    PRIMARY KEY (file_id, line_no)
);
CREATE INDEX blackout_version_by_id ON blackout_version (blackout_id);

CREATE TABLE exception_version (
    file_id      bigint      NOT NULL REFERENCES source_file (file_id),
    line_no      bigint      NOT NULL,
    row_hash     bytea       NOT NULL,
    exception_id text COLLATE "C"        NOT NULL,
    reason       text COLLATE "C"        NOT NULL,
    approved_by  text COLLATE "C"        NOT NULL,
    granted_at   timestamptz NOT NULL,
    change_id    text COLLATE "C",
    expires_at   timestamptz,
    PRIMARY KEY (file_id, line_no)
);
CREATE INDEX exception_version_by_id ON exception_version (exception_id);

-- The current state of the ledger: the latest version of each id (last line of the last file loaded).
CREATE VIEW deployments AS
SELECT DISTINCT ON (v.deployment_id) v.*
FROM deployment_version v JOIN source_file f ON f.file_id = v.file_id AND f.status = 'loaded'
ORDER BY v.deployment_id, f.load_seq DESC, v.line_no DESC;

CREATE VIEW changes AS
SELECT DISTINCT ON (v.change_id) v.*
FROM change_version v JOIN source_file f ON f.file_id = v.file_id AND f.status = 'loaded'
ORDER BY v.change_id, f.load_seq DESC, v.line_no DESC;

CREATE VIEW incidents AS
SELECT DISTINCT ON (v.incident_id) v.*
FROM incident_version v JOIN source_file f ON f.file_id = v.file_id AND f.status = 'loaded'
ORDER BY v.incident_id, f.load_seq DESC, v.line_no DESC;

CREATE VIEW services AS
SELECT DISTINCT ON (v.service) v.*
FROM service_version v JOIN source_file f ON f.file_id = v.file_id AND f.status = 'loaded'
ORDER BY v.service, f.load_seq DESC, v.line_no DESC;

CREATE VIEW blackouts AS
SELECT DISTINCT ON (v.blackout_id) v.*
FROM blackout_version v JOIN source_file f ON f.file_id = v.file_id AND f.status = 'loaded'
ORDER BY v.blackout_id, f.load_seq DESC, v.line_no DESC;

CREATE VIEW exceptions AS
SELECT DISTINCT ON (v.exception_id) v.*
FROM exception_version v JOIN source_file f ON f.file_id = v.file_id AND f.status = 'loaded'
ORDER BY v.exception_id, f.load_seq DESC, v.line_no DESC;
