package com.releaseledger.ingest;

import static com.releaseledger.ingest.Field.bool;
import static com.releaseledger.ingest.Field.decimal;
import static com.releaseledger.ingest.Field.integer;
import static com.releaseledger.ingest.Field.oneOf;
import static com.releaseledger.ingest.Field.text;
import static com.releaseledger.ingest.Field.timestamp;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.releaseledger.kernel.BadInputException;

/**
 * The eight kinds of input (DESIGN.md section 2, and the responses to findings), each with its canonical fields in
 * ledger column order.
 */
public enum Kind {

    DEPLOYMENTS("deployments", "deployment_version",
            text("deployment_id").mandatory(),
            text("service").mandatory(),
            text("environment").mandatory(),
            oneOf("status", "succeeded", "failed", "rolled_back", "cancelled", "in_progress").mandatory(),
            timestamp("started_at").mandatory(),
            timestamp("finished_at"),
            text("change_id"),
            text("version"),
            text("commit_sha"),
            text("region"),
            text("deployed_by"),
            timestamp("first_commit_at"),
            text("rollback_of"),
            oneOf("strategy", "blue_green", "canary", "rolling", "recreate", "manual"),
            bool("is_hotfix", false),
            text("test_evidence")),

    CHANGES("changes", "change_version",
            text("change_id").mandatory(),
            oneOf("type", "standard", "normal", "emergency").mandatory(),
            oneOf("risk", "low", "medium", "high", "critical").mandatory(),
            text("service").mandatory(),
            oneOf("status", "new", "approved", "rejected", "cancelled", "implemented", "closed").mandatory(),
            text("requested_by").mandatory(),
            timestamp("created_at").mandatory(),
            text("title"),
            oneOf("scope", "application", "infrastructure", "database", "third_party"),
            text("approved_by"),
            oneOf("approval_type", "cab", "delegated", "pre_approved"),
            timestamp("approved_at"),
            timestamp("planned_start"),
            timestamp("planned_end"),
            text("implemented_by"),
            oneOf("outcome", "successful", "failed", "backed_out"),
            timestamp("review_completed_at"),
            text("exception_id")),

    INCIDENTS("incidents", "incident_version",
            text("incident_id").mandatory(),
            text("service").mandatory(),
            integer("severity", 1, 4).mandatory(),
            timestamp("started_at").mandatory(),
            timestamp("detected_at"),
            timestamp("acknowledged_at"),
            timestamp("resolved_at"),
            text("caused_by_deployment_id"),
            text("caused_by_change_id"),
            bool("customer_impact", true),
            timestamp("postmortem_at"),
            text("title")),

    SERVICES("services", "service_version",
            text("service").mandatory(),
            text("team").mandatory(),
            integer("tier", 1, 3).ignoredWhenInvalid(),
            decimal("slo_target").ignoredWhenInvalid(),
            oneOf("rollback", "automated", "manual").orElse("automated").ignoredWhenInvalid(),
            text("owner")),

    BLACKOUTS("blackouts", "blackout_version",
            text("blackout_id").mandatory(),
            timestamp("starts_at").mandatory(),
            timestamp("ends_at").mandatory(),
            text("services"),
            text("reason")),

    EXCEPTIONS("exceptions", "exception_version",
            text("exception_id").mandatory(),
            text("reason").mandatory(),
            text("approved_by").mandatory(),
            timestamp("granted_at").mandatory(),
            text("change_id"),
            timestamp("expires_at")),

    /** DESIGN.md 2.7: one approver's decision on a change; folded into the change before analysis. */
    APPROVALS("approvals", "approval_version",
            text("approval_id").mandatory(),
            text("change_id").mandatory(),
            text("approver").mandatory(),
            oneOf("decision", "approved", "rejected", "requested", "cancelled").mandatory(),
            timestamp("decided_at"),
            text("group"),
            oneOf("approval_type", "cab", "delegated", "pre_approved")),

    /**
     * Management's response to a finding, for the audit pack's exceptions register: the finding's key (rule_id,
     * deployment_id, change_id, incident_id; an empty part matches an empty part) with the owner, the response and
     * the remediation date. The key is the record's id ({@code response_key}, made by the ledger from the four): a
     * response sent again for the same finding is a new version of it.
     */
    RESPONSES("responses", "response_version", "response_key",
            text("rule_id").mandatory(),
            text("deployment_id"),
            text("change_id"),
            text("incident_id"),
            text("owner"),
            text("response"),
            timestamp("remediation_due"));

    private final String id;
    private final String table;
    private final String idColumn;
    private final List<Field> fields;

    Kind(String id, String table, Field... fields) {
        this(id, table, null, fields);
    }

    Kind(String id, String table, String idColumn, Field... fields) {
        this.id = id;
        this.table = table;
        this.fields = List.of(fields);
        this.idColumn = idColumn == null ? this.fields.get(0).name() : idColumn;
    }

    /** The kind's name as used in job files, the command line and the ledger (`deployments`, ...). */
    public String id() {
        return id;
    }

    /** The append-only table of versions. */
    String table() {
        return table;
    }

    /** The table of the current version of each id (sql/migrations/V20): {@code deployment_current}, ... */
    String currentTable() {
        return table.replaceFirst("_version$", "_current");
    }

    /** The field that identifies a record (for responses, the first of the four that make its key). */
    public Field idField() {
        return fields.get(0);
    }

    /**
     * The ledger column that identifies a record: a repeated value is a new version. The id field's own column, or
     * for responses the key the ledger makes from the finding's four ids.
     */
    public String idColumn() {
        return idColumn;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The position of a canonical field, or -1 when the name is not one of this kind's fields. */
    int fieldIndex(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    /** Parses a kind name, singular or plural, in any letter case. */
    public static Kind of(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Kind kind : values()) {
            if (kind.id.equals(wanted) || kind.id.equals(wanted + "s")) {
                return kind;
            }
        }
        throw new BadInputException("kind \"" + name + "\" is not one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", ", "[", "]"));
    }
}
