package com.releaseledger.analysis;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * The job's policy values (DESIGN.md section 6) and performance-band thresholds (section 4), with the defaults
 * of the design (bands from the DORA 2023 report).
 *
 * @param productionEnvironments environments that count as production (compared trimmed, case-insensitively)
 * @param cabRequiredRisks       risks whose normal changes need CAB approval
 * @param emergencyReviewDays    days (of 24 hours) to review an emergency change after its first deployment
 * @param pirDays                days to review a rollback
 * @param postmortemDays         days to complete a postmortem after resolution
 * @param postmortemMaxSeverity  the least severe severity that needs a postmortem (1 is the most severe)
 * @param maxExceptionDays       the longest an exception may span
 * @param bands                  performance-band thresholds
 * @param sample                 the audit pack's reproducible sample: its size and seed
 * @param staleIncidentDays      an incident still open at the period end that started more than this many days
 *                               (of 24 hours) before it is a data-quality item (DESIGN.md section 6)
 * @param controlOwners          the owner of each control, by rule id (RL01), for the audit pack's control table;
 *                               a rule not named has {@link #DEFAULT_CONTROL_OWNER}
 * @param gateBlockingSeverities the severities of a failing control that make the deployment gate block
 *                               (DESIGN.md section 9; default high)
 * @param gateRequired           whether every production deployment must pass the gate first (RL16; default no)
 * @param gateMaxAgeMinutes      how long before a deployment's start its allowing gate decision may be (RL16; 60)
 */
public record Policy(List<String> productionEnvironments, List<String> cabRequiredRisks, int emergencyReviewDays,
        int pirDays, int postmortemDays, int postmortemMaxSeverity, int maxExceptionDays, Bands bands,
        Sample sample, int staleIncidentDays, Map<String, String> controlOwners,
        List<String> gateBlockingSeverities, boolean gateRequired, int gateMaxAgeMinutes) {

    /** The owner of a control the policy does not name. */
    public static final String DEFAULT_CONTROL_OWNER = "Change management";

    /** The policy's groups whose values are bound to SQL one by one ({@code sample_size}, {@code lead_time_hours}). */
    private static final Set<String> FLATTENED = Set.of("bands", "sample");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Policy {
        productionEnvironments = productionEnvironments.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).toList();
        cabRequiredRisks = cabRequiredRisks.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList();
        for (int days : new int[] {emergencyReviewDays, pirDays, postmortemDays, maxExceptionDays}) {
            if (days < 0) {
                throw new IllegalArgumentException("policy day counts must not be negative");
            }
        }
        if (postmortemMaxSeverity < 1 || postmortemMaxSeverity > 4) {
            throw new IllegalArgumentException("postmortem_max_severity must be from 1 to 4");
        }
        if (gateMaxAgeMinutes < 0) {
            throw new IllegalArgumentException("gate_max_age_minutes must not be negative");
        }
        if (staleIncidentDays < 0) {
            throw new IllegalArgumentException("policy day counts must not be negative");
        }
        Map<String, String> owners = new TreeMap<>();
        controlOwners.forEach((rule, owner) -> {
            String id = rule.trim().toUpperCase(Locale.ROOT);
            if (Catalog.RULES.stream().noneMatch(known -> known.id().equals(id))) {
                throw new IllegalArgumentException("control_owners names " + rule + ", which is not a rule (RL01 to "
                        + Catalog.RULES.get(Catalog.RULES.size() - 1).id() + ")");
            }
            if (owner == null || owner.isBlank()) {
                throw new IllegalArgumentException("control_owners." + rule + " must name an owner");
            }
            owners.put(id, owner.trim());
        });
        controlOwners = Collections.unmodifiableMap(owners);
        gateBlockingSeverities = gateBlockingSeverities.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        for (String severity : gateBlockingSeverities) {
            if (!severity.equals("high") && !severity.equals("medium")) {
                throw new IllegalArgumentException("gate_blocking_severities: \"" + severity + "\" is not one of"
                        + " [high, medium]");
            }
        }
    }

    /** The owner of a control: the policy's, else {@link #DEFAULT_CONTROL_OWNER}. */
    public String owner(String ruleId) {
        return controlOwners.getOrDefault(ruleId, DEFAULT_CONTROL_OWNER);
    }

    /** This policy with another sample (size and seed). */
    public Policy withSample(Sample other) {
        return new Policy(productionEnvironments, cabRequiredRisks, emergencyReviewDays, pirDays, postmortemDays,
                postmortemMaxSeverity, maxExceptionDays, bands, other, staleIncidentDays, controlOwners,
                gateBlockingSeverities, gateRequired, gateMaxAgeMinutes);
    }

    /**
     * The reproducible sample of production changes: the {@code size} changes with the lowest SHA-256 of
     * {@code "<seed>:<change_id>"}.
     */
    public record Sample(int size, String seed) {

        public Sample {
            if (size < 1) {
                throw new IllegalArgumentException("sample.size must be at least 1");
            }
            if (seed == null || seed.isBlank()) {
                throw new IllegalArgumentException("sample.seed must not be empty");
            }
        }

        public static Sample standard() {
            return new Sample(25, "release-ledger");
        }
    }

    /**
     * Band thresholds: lead time and recovery (hours, strictly below: elite, high, medium), change failure rate
     * (at most: elite, high, medium), deployment cadence (deploy days: median per week at least elite, high;
     * median per month at least medium).
     */
    public record Bands(List<BigDecimal> leadTimeHours, List<BigDecimal> changeFailureRate,
            List<BigDecimal> recoveryHours, List<BigDecimal> deployDaysPerWeek, BigDecimal deployDaysPerMonth) {

        public Bands {
            requireThree("lead_time_hours", leadTimeHours);
            requireThree("change_failure_rate", changeFailureRate);
            requireThree("recovery_hours", recoveryHours);
            if (deployDaysPerWeek.size() != 2) {
                throw new IllegalArgumentException("bands.deploy_days_per_week needs two thresholds (elite, high)");
            }
        }

        private static void requireThree(String name, List<BigDecimal> values) {
            if (values.size() != 3) {
                throw new IllegalArgumentException("bands." + name + " needs three thresholds (elite, high, medium)");
            }
        }

        public static Bands dora2023() {
            return new Bands(numbers("24", "168", "720"), numbers("0.05", "0.10", "0.15"), numbers("1", "24", "168"),
                    numbers("5", "1"), new BigDecimal("1"));
        }

        private static List<BigDecimal> numbers(String... values) {
            return Arrays.stream(values).map(BigDecimal::new).toList();
        }
    }

    /** The defaults of DESIGN.md section 6. */
    public static Policy defaults() {
        return new Policy(List.of("production", "prod"), List.of("high", "critical"), 5, 5, 10, 2, 30,
                Bands.dora2023(), Sample.standard(), 7, Map.of(), List.of("high"), false, 60);
    }

    /**
     * The policy as SQL parameters, each named as its key in the job file's policy (the sample's as
     * {@code sample_size} and {@code sample_seed}; lists as JSON arrays): {@code sql/analysis/policy.sql} and
     * {@code sql/analysis/sample.sql} bind them by these names, so no other code repeats them.
     */
    public Map<String, Object> sqlParameters() {
        Map<String, Object> parameters = new TreeMap<>();
        asMap().forEach((key, value) -> {
            if (value instanceof Map<?, ?> group && FLATTENED.contains(key)) {
                group.forEach((inner, innerValue) -> parameters.put(
                        (key.equals("sample") ? "sample_" : "") + inner, sqlValue(innerValue)));
            } else {
                parameters.put(key, sqlValue(value));
            }
        });
        return parameters;
    }

    private static Object sqlValue(Object value) {
        return value instanceof List<?> || value instanceof Map<?, ?> ? JSON.writeValueAsString(value) : value;
    }

    /** The policy as a sorted map, for the manifest and the run record. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new TreeMap<>();
        map.put("production_environments", productionEnvironments);
        map.put("cab_required_risks", cabRequiredRisks);
        map.put("emergency_review_days", emergencyReviewDays);
        map.put("pir_days", pirDays);
        map.put("postmortem_days", postmortemDays);
        map.put("postmortem_max_severity", postmortemMaxSeverity);
        map.put("max_exception_days", maxExceptionDays);
        map.put("stale_incident_days", staleIncidentDays);
        map.put("control_owners", controlOwners);
        map.put("gate_blocking_severities", gateBlockingSeverities);
        map.put("gate_required", gateRequired);
        map.put("gate_max_age_minutes", gateMaxAgeMinutes);
        Map<String, Object> band = new TreeMap<>();
        band.put("lead_time_hours", bands.leadTimeHours());
        band.put("change_failure_rate", bands.changeFailureRate());
        band.put("recovery_hours", bands.recoveryHours());
        band.put("deploy_days_per_week", bands.deployDaysPerWeek());
        band.put("deploy_days_per_month", bands.deployDaysPerMonth());
        map.put("bands", band);
        Map<String, Object> sampling = new TreeMap<>();
        sampling.put("size", sample.size());
        sampling.put("seed", sample.seed());
        map.put("sample", sampling);
        return map;
    }
}
