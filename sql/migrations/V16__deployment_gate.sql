-- Purpose: the deployment gate (DESIGN.md section 9): every decision the gate takes, overrides included, with its
-- inputs, each control's result, the policy and the engine version, and when it was asked. Append-only: a
-- trigger refuses every UPDATE and DELETE, so a decision is never changed afterwards.
CREATE TABLE gate_decision (
    decision_id     bigserial   PRIMARY KEY,
    asked_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    job             text        NOT NULL,
    service         text COLLATE "C" NOT NULL,
    environment     text        NOT NULL,
    change_id       text COLLATE "C",
    deployed_by     text,
    deploy_at       timestamptz NOT NULL,
    is_hotfix       boolean     NOT NULL,
    test_evidence   text,
    production      boolean     NOT NULL,
    decision        text        NOT NULL CHECK (decision IN ('allow', 'block')),
    overridden      boolean     NOT NULL DEFAULT false,
    override_by     text,
    override_reason text,
    override_refused text,
    controls        jsonb       NOT NULL,
    policy          jsonb       NOT NULL,
    engine_version  text        NOT NULL,
    CHECK (NOT overridden OR (override_by IS NOT NULL AND override_reason IS NOT NULL AND decision = 'allow'))
);
CREATE INDEX gate_decision_by_deployment ON gate_decision (service, deploy_at);

CREATE FUNCTION gate_decision_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'gate decisions are evidence: decision % cannot be changed or deleted', OLD.decision_id
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER gate_decision_append_only BEFORE UPDATE OR DELETE ON gate_decision
    FOR EACH ROW EXECUTE FUNCTION gate_decision_is_append_only();
