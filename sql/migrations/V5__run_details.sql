-- Purpose: what a run computed beyond metric values and findings, kept for its reports: each service's error
-- budget with the instant it was exhausted, and each control's population (what the rule tested), so that the
-- audit pack can state exceptions as a share of the population.

CREATE TABLE error_budget (
    run_id       bigint  NOT NULL REFERENCES analysis_run (run_id),
    service      text COLLATE "C" NOT NULL,
    team         text COLLATE "C" NOT NULL,
    slo_target   numeric NOT NULL,
    allowed      numeric NOT NULL,
    consumed     numeric NOT NULL,
    exhausted_at timestamptz,
    PRIMARY KEY (run_id, service)
);

CREATE TABLE control_population (
    run_id     bigint NOT NULL REFERENCES analysis_run (run_id),
    rule_id    text   NOT NULL,
    name       text,
    severity   text,
    population bigint NOT NULL,
    tested     text   NOT NULL,
    PRIMARY KEY (run_id, rule_id)
);
