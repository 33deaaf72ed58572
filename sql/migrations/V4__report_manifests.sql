-- Purpose: the manifest of every output folder (DESIGN.md section 7), kept in the ledger as well as on disk:
-- each names the SHA-256 of the previous manifest of the same job, so the manifests of a job form one hash
-- chain back to its first run, which `release-ledger verify` walks.

CREATE TABLE report_manifest (
    manifest_id       bigserial   PRIMARY KEY,
    job               text        NOT NULL,
    period            text        NOT NULL,
    version           integer     NOT NULL,
    run_id            bigint      NOT NULL REFERENCES analysis_run (run_id),
    folder            text        NOT NULL,
    manifest_sha256   char(64)    NOT NULL UNIQUE,
    previous_sha256   char(64),
    manifest          text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_manifest_by_job ON report_manifest (job, manifest_id);
