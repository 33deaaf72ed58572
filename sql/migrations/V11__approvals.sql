-- Purpose: the seventh kind, approvals (DESIGN.md 2.7): one record per approver's decision on a change, from the
-- tools that hold approvals apart from the change (ServiceNow's sysapproval_approver, Jira Service Management's
-- approval API). Versioned like every kind: approval_version keeps each version with its file and line, the view
-- approvals shows the latest of each approval_id among the files that finished loading. The analysis folds a
-- change's approvals into it (sql/analysis/prepare_ledger.sql).
ALTER TABLE source_file DROP CONSTRAINT source_file_kind_check;
ALTER TABLE source_file ADD CONSTRAINT source_file_kind_check CHECK (kind IN ('deployments', 'changes', 'incidents',
    'services', 'blackouts', 'exceptions', 'approvals'));

CREATE TABLE approval_version (
    file_id       bigint      NOT NULL,
    line_no       bigint      NOT NULL,
    row_hash      bytea       NOT NULL,
    approval_id   text COLLATE "C" NOT NULL,
    change_id     text COLLATE "C" NOT NULL,
    approver      text COLLATE "C" NOT NULL,
    decision      text COLLATE "C" NOT NULL,
    decided_at    timestamptz,
    "group"       text COLLATE "C",
    approval_type text COLLATE "C",
    PRIMARY KEY (file_id, line_no)
);
CREATE INDEX approval_version_by_id ON approval_version (approval_id);

CREATE VIEW approvals AS
SELECT DISTINCT ON (v.approval_id) v.*
FROM approval_version v JOIN source_file f ON f.file_id = v.file_id AND f.status = 'loaded'
ORDER BY v.approval_id, f.load_seq DESC, v.line_no DESC;

-- Each change's approvals in one line, for the registers of the audit pack and its workbook: "approver decision
-- time (group)", in the order they were decided (undecided last).
CREATE VIEW change_approvals AS
SELECT a.change_id,
       string_agg(a.approver || ' ' || a.decision
                  || coalesce(' ' || to_char(a.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC', '')
                  || coalesce(' (' || a."group" || ')', ''),
                  '; ' ORDER BY a.decided_at NULLS LAST, a.approval_id) AS approvals
FROM approvals a
GROUP BY a.change_id;
