package com.releaseledger.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixture rows with plain defaults, so that a test shows only the fields its case is about:
 * {@code change("c1", "normal", "approved_at=")} is a normal change never approved, everything else ordinary.
 */
final class Rows {

    private Rows() {
    }

    static final List<String> CHANGE = List.of("change_id", "type", "risk", "service", "status", "requested_by",
            "created_at", "approved_by", "approval_type", "approved_at", "planned_start", "planned_end",
            "implemented_by", "outcome", "review_completed_at", "exception_id");
    static final List<String> DEPLOYMENT = List.of("deployment_id", "service", "environment", "status", "started_at",
            "finished_at", "change_id", "deployed_by", "rollback_of", "is_hotfix", "test_evidence");
    static final List<String> INCIDENT = List.of("incident_id", "service", "severity", "started_at", "resolved_at",
            "caused_by_deployment_id", "caused_by_change_id", "customer_impact", "postmortem_at");

    static final List<String> APPROVAL = List.of("approval_id", "change_id", "approver", "decision", "decided_at",
            "group", "approval_type");

    /** An approval record (DESIGN.md 2.7): no group, no approval type unless given. */
    static String approval(String id, String change, String approver, String decision, String decidedAt,
            String... overrides) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("approval_id", id);
        row.put("change_id", change);
        row.put("approver", approver);
        row.put("decision", decision);
        row.put("decided_at", decidedAt);
        return line(APPROVAL, row, overrides);
    }

    /** A change: risk low, service svc, closed, requested by Req, approved by Approver (delegated) on 2 September. */
    static String change(String id, String type, String... overrides) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("change_id", id);
        row.put("type", type);
        row.put("risk", "low");
        row.put("service", "svc");
        row.put("status", "closed");
        row.put("requested_by", "Req");
        row.put("created_at", "2026-09-01T00:00:00Z");
        row.put("approved_by", "Approver");
        row.put("approval_type", "delegated");
        row.put("approved_at", "2026-09-02T00:00:00Z");
        return line(CHANGE, row, overrides);
    }

    /** A production deployment of svc, succeeded, ten minutes long, with test evidence, deployed by a bot. */
    static String deployment(String id, String started, String change, String... overrides) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("deployment_id", id);
        row.put("service", "svc");
        row.put("environment", "production");
        row.put("status", "succeeded");
        row.put("started_at", started);
        row.put("finished_at", java.time.Instant.parse(started).plusSeconds(600).toString());
        row.put("change_id", change);
        row.put("deployed_by", "bot");
        row.put("test_evidence", "https://ci/1");
        return line(DEPLOYMENT, row, overrides);
    }

    /** An incident of svc, severity 3, with customer impact. */
    static String incident(String id, String started, String resolved, String... overrides) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("incident_id", id);
        row.put("service", "svc");
        row.put("severity", "3");
        row.put("started_at", started);
        row.put("resolved_at", resolved);
        return line(INCIDENT, row, overrides);
    }

    static String csv(List<String> header, String... rows) {
        return String.join(",", header) + "\n" + String.join("", rows);
    }

    private static String line(List<String> header, Map<String, String> row, String... overrides) {
        for (String override : overrides) {
            int eq = override.indexOf('=');
            String key = override.substring(0, eq);
            if (!header.contains(key)) {
                throw new IllegalArgumentException("no column " + key);
            }
            row.put(key, override.substring(eq + 1));
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < header.size(); i++) {
            String value = row.getOrDefault(header.get(i), "");
            line.append(i == 0 ? "" : ",")
                    .append(value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return line.append('\n').toString();
    }
}
