package com.releaseledger.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.releaseledger.ingest.Kind;
import com.releaseledger.kernel.BadInputException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The same records in the shapes real tools export them, beside the canonical files, for the example of the real
 * thing (jobs/example-tools.yml): ServiceNow's change_request and sysapproval_approver list exports (CSV, label-free
 * field names, display values, times in UTC without an offset), PagerDuty's REST API incident pages and GitHub's
 * deployments with their statuses (JSON Lines). Each is what the shipped profile of PROFILES.md reads; what a tool
 * has no field for is left out, as a real export would.
 */
final class ToolExports implements Closeable {

    /** The tools whose exports can be written. */
    enum Tool {
        SERVICENOW, PAGERDUTY, GITHUB;

        static Set<Tool> of(String list) {
            Set<Tool> tools = EnumSet.noneOf(Tool.class);
            for (String name : list.split(",")) {
                String wanted = name.trim().toUpperCase(Locale.ROOT);
                try {
                    tools.add(Tool.valueOf(wanted));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--as \"" + name.trim() + "\" is not one of [servicenow, pagerduty, github]");
                }
            }
            return tools;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter SERVICENOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, String> RISK = Map.of("low", "Low", "medium", "Moderate", "high", "High",
            "critical", "Very High");
    private static final Map<String, String> STATE = Map.of("new", "New", "approved", "Scheduled", "implemented",
            "Review", "closed", "Closed", "cancelled", "Canceled", "rejected", "New");
    private static final Map<String, String> CATEGORY = Map.of("application", "Software", "infrastructure",
            "Hardware", "database", "Database", "third_party", "Third Party");
    private static final Map<String, String> CLOSE_CODE = Map.of("successful", "Successful", "failed", "Unsuccessful",
            "backed_out", "Backed out");
    private static final Map<String, String> GITHUB_STATE = Map.of("succeeded", "success", "failed", "failure",
            "rolled_back", "success", "cancelled", "error", "in_progress", "in_progress");

    private final Path out;
    private final Set<Tool> tools;
    private final Map<String, Closeable> files = new LinkedHashMap<>();
    private final Map<String, Boolean> firstElement = new HashMap<>();
    private long approvalSeq;
    private long statusSeq;

    ToolExports(Path out, Set<Tool> tools) {
        this.out = out;
        this.tools = tools;
    }

    static ToolExports none() {
        return new ToolExports(null, EnumSet.noneOf(Tool.class));
    }

    /** A canonical row was written to {@code file}: write it in each tool's shape too. */
    void written(String file, Row row) throws IOException {
        if (row.kind() == Kind.CHANGES && tools.contains(Tool.SERVICENOW)) {
            servicenowChange(row);
        } else if (row.kind() == Kind.DEPLOYMENTS && tools.contains(Tool.GITHUB)) {
            githubDeployment(file.replace(".csv", ".jsonl"), row);
        }
    }

    /** A canonical incident was written. */
    void written(Map<String, Object> incident) throws IOException {
        if (tools.contains(Tool.PAGERDUTY)) {
            pagerdutyIncident(incident);
        }
    }

    private void servicenowChange(Row change) throws IOException {
        CSVPrinter changes = csv("servicenow/change_request.csv", "number", "short_description", "type", "state",
                "approval", "risk", "category", "business_service", "requested_by", "assigned_to", "opened_at",
                "start_date", "end_date", "close_code", "closed_at");
        String status = change.get("status");
        changes.printRecord(change.get("change_id"), change.get("title"), capitalised(change.get("type")),
                STATE.get(status), status.equals("rejected") ? "Rejected" : "Approved", RISK.get(change.get("risk")),
                CATEGORY.getOrDefault(change.get("scope"), ""), change.get("service"), change.get("requested_by"),
                change.get("implemented_by"), utc(change.get("created_at")), utc(change.get("planned_start")),
                utc(change.get("planned_end")), CLOSE_CODE.getOrDefault(change.get("outcome"), ""),
                utc(change.get("review_completed_at")));
        CSVPrinter approvals = csv("servicenow/sysapproval_approver.csv", "sys_id", "sysapproval", "approver", "state",
                "group", "sys_updated_on");
        // one approved row per approver, decided at the change's approval time, in the CAB's group for cab approvals
        String group = "cab".equals(change.get("approval_type")) ? "CAB" : "Change Management";
        for (String approver : change.get("approved_by").split(";")) {
            if (!approver.isBlank()) {
                approvals.printRecord(String.format("%032x", ++approvalSeq), change.get("change_id"), approver.strip(),
                        "Approved", group, utc(change.get("approved_at")));
            }
        }
    }

    private void githubDeployment(String file, Row deployment) throws IOException {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("service", deployment.get("service"));
        for (String field : List.of("change_id", "first_commit_at", "rollback_of", "strategy", "region",
                "test_evidence")) {
            if (!deployment.get(field).isEmpty()) {
                payload.put(field, deployment.get(field));
            }
        }
        payload.put("is_hotfix", Boolean.parseBoolean(deployment.get("is_hotfix")));
        String status = deployment.get("status");
        if (status.equals("rolled_back") || status.equals("cancelled")) {
            payload.put("status", status); // GitHub's states have no word for these
        }
        List<Map<String, Object>> statuses = new ArrayList<>();
        if (!deployment.get("finished_at").isEmpty() || status.equals("in_progress")) {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("id", ++statusSeq);
            last.put("state", GITHUB_STATE.get(status));
            last.put("created_at", status.equals("in_progress") ? deployment.get("started_at")
                    : deployment.get("finished_at"));
            statuses.add(last);
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", deployment.get("deployment_id"));
        record.put("sha", deployment.get("commit_sha"));
        record.put("ref", deployment.get("version"));
        record.put("payload", payload);
        record.put("environment", deployment.get("environment"));
        record.put("creator", Map.of("login", deployment.get("deployed_by")));
        record.put("created_at", deployment.get("started_at"));
        record.put("statuses", statuses);
        BufferedWriter writer = text("github/" + file);
        writer.write(JSON.writeValueAsString(record));
        writer.write('\n');
    }

    private void pagerdutyIncident(Map<String, Object> incident) throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", incident.get("incident_id"));
        record.put("type", "incident");
        record.put("title", incident.get("title"));
        record.put("priority", Map.of("summary", "P" + incident.get("severity")));
        record.put("service", Map.of("summary", incident.get("service")));
        record.put("created_at", incident.get("started_at"));
        record.put("resolved_at", incident.get("resolved_at"));
        record.put("acknowledgements", incident.get("acknowledged_at") == null ? List.of()
                : List.of(Map.of("at", incident.get("acknowledged_at"))));
        String name = "pagerduty/incidents.json";
        BufferedWriter writer = text(name);
        boolean first = firstElement.putIfAbsent(name, false) == null;
        if (first) {
            writer.write("{\"incidents\": [\n");
        } else {
            writer.write(",\n");
        }
        writer.write(JSON.writeValueAsString(record));
    }

    private CSVPrinter csv(String name, String... header) throws IOException {
        Closeable open = files.get(name);
        if (open == null) {
            open = new CSVPrinter(newFile(name), CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator('\n')
                    .get());
            files.put(name, open);
        }
        return (CSVPrinter) open;
    }

    private BufferedWriter text(String name) throws IOException {
        Closeable open = files.get(name);
        if (open == null) {
            open = newFile(name);
            files.put(name, open);
        }
        return (BufferedWriter) open;
    }

    private BufferedWriter newFile(String name) throws IOException {
        Path file = out.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** A canonical time (ISO-8601 with an offset) as ServiceNow writes it for a user in UTC. */
    private static String utc(String iso) {
        if (iso == null || iso.isEmpty()) {
            return "";
        }
        Instant instant = OffsetDateTime.parse(iso).toInstant();
        return SERVICENOW_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static String capitalised(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }

    @Override
    public void close() throws IOException {
        for (Map.Entry<String, Closeable> file : files.entrySet()) {
            if (file.getKey().equals("pagerduty/incidents.json")) {
                BufferedWriter writer = (BufferedWriter) file.getValue();
                writer.write("\n], \"limit\": 100, \"offset\": 0, \"more\": false}\n");
            }
            file.getValue().close();
        }
    }
}
