package com.releaseledger.generate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.releaseledger.generate.Organisation.Service;
import com.releaseledger.ingest.Kind;

/**
 * The records of what happens, written as they are made: deployments (one file a month), the change tickets behind
 * them, incidents and exceptions; with what the rhythm of a month needs to know of them (each service's downtime in
 * the month, for holding releases on a spent budget) and the few deployments resent as corrections.
 */
final class Events {

    private static final String[] APPROVERS = {"Helen Brooks", "Marcus Reid", "Sofia Alvarez", "Tom Baker",
            "Priya Shah", "Daniel Okafor"};
    private static final String[] REGIONS = {"eu-west-1", "eu-west-2", "eu-central-1", "us-east-1"};
    private static final String[] STRATEGIES = {"rolling", "rolling", "rolling", "blue_green", "canary", "recreate",
            "manual"};
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final GeneratorSettings settings;
    private final Chance chance;
    private final Organisation organisation;
    private final SourceWriters.CsvFile changes;
    private final SourceWriters.CsvFile exceptions;
    private final SourceWriters.JsonLinesFile incidents;
    private SourceWriters.CsvFile deployments;
    private YearMonth month;
    private long deploymentSeq;
    private long changeSeq;
    private long incidentSeq;
    private long malformedSeq;
    /** Customer-facing downtime minutes per service in the month being generated (overlaps counted twice). */
    private final Map<String, Double> downtime = new HashMap<>();
    /** The row of the deployment written last, and the few of the last month resent as corrections. */
    private Row lastDeployment;
    private final List<Row> correctable = new ArrayList<>();

    Events(GeneratorSettings settings, Chance chance, Organisation organisation, SourceWriters.CsvFile changes,
            SourceWriters.CsvFile exceptions, SourceWriters.JsonLinesFile incidents) {
        this.settings = settings;
        this.chance = chance;
        this.organisation = organisation;
        this.changes = changes;
        this.exceptions = exceptions;
        this.incidents = incidents;
    }

    /** Starts a month: its deployments go into {@code file}. */
    void startMonth(YearMonth month, SourceWriters.CsvFile file) {
        this.month = month;
        this.deployments = file;
        downtime.clear();
    }

    /** A change ticket being built alongside its deployments. */
    final class Change {
        final String id = "CHG" + String.format("%07d", ++changeSeq);
        final Service service;
        String type;
        String risk;
        String status = "closed";
        String requestedBy;
        Instant created;
        String approvedBy;
        String approvalType;
        Instant approvedAt;
        Instant plannedStart;
        Instant plannedEnd;
        String implementedBy;
        String outcome;
        Instant reviewCompleted;
        String exceptionId;
        final Instant firstStart;
        int deployments = 1;

        Change(Service service, String type, Instant firstStart) {
            this.service = service;
            this.firstStart = firstStart;
            this.type = type;
            this.requestedBy = chance.pick(service.engineers());
            this.created = firstStart.minus(Duration.ofMinutes(60 + chance.nextInt(7 * 24 * 60)));
            switch (type) {
                case "standard" -> {
                    risk = "low";
                    approvedBy = "Standard Change Catalogue";
                    approvalType = "pre_approved";
                    approvedAt = created;
                }
                case "normal" -> {
                    risk = chance.weighted(new String[] {"low", "medium", "high", "critical"}, new int[] {35, 40, 20, 5});
                    boolean cab = risk.equals("high") || risk.equals("critical") || chance.nextInt(4) == 0;
                    approvalType = cab ? "cab" : "delegated";
                    approvedBy = approvers(cab ? 2 : 1, requestedBy);
                    approvedAt = firstStart.minus(Duration.ofMinutes(30 + chance.nextInt(48 * 60)));
                    if (approvedAt.isBefore(created)) {
                        created = approvedAt.minus(Duration.ofMinutes(15));
                    }
                    plannedStart = firstStart.minus(Duration.ofMinutes(15 + chance.nextInt(45)));
                    plannedEnd = firstStart.plus(Duration.ofMinutes(120 + chance.nextInt(180)));
                }
                default -> {
                    risk = chance.nextInt(3) == 0 ? "critical" : "high";
                    approvalType = "delegated";
                    approvedBy = approvers(1, requestedBy);
                    // emergency changes are often approved retrospectively, after the fix went out
                    approvedAt = firstStart.plus(Duration.ofMinutes(chance.nextInt(3) == 0 ? -20 : 30 + chance.nextInt(600)));
                    reviewCompleted = chance.percent(88)
                            ? firstStart.plus(Duration.ofMinutes(24 * 60 + chance.nextInt(3 * 24 * 60))) : null;
                }
            }
        }

        void write() throws IOException {
            String scope = chance.weighted(new String[] {"application", "infrastructure", "database", "third_party"},
                    new int[] {70, 15, 10, 5});
            String title = title();
            changes.write(Row.of(Kind.CHANGES).set("change_id", id).set("type", type).set("risk", risk)
                    .set("service", service.name()).set("status", status).set("requested_by", requestedBy)
                    .set("created_at", time(created)).set("title", title).set("scope", scope)
                    .set("approved_by", approvedBy).set("approval_type", approvalType)
                    .set("approved_at", time(approvedAt)).set("planned_start", time(plannedStart))
                    .set("planned_end", time(plannedEnd)).set("implemented_by", implementedBy)
                    .set("outcome", outcome).set("review_completed_at", time(reviewCompleted))
                    .set("exception_id", exceptionId));
        }

        private String title() {
            String[] verbs = {"Release", "Upgrade", "Configure", "Patch", "Migrate", "Scale", "Enable", "Roll out"};
            String[] things = {"dependency versions", "feature flag", "connection pool", "TLS certificates",
                    "schema", "autoscaling policy", "caching layer", "API endpoint", "retry policy", "build image"};
            return chance.pick(verbs) + " " + chance.pick(things) + " on " + service.name();
        }
    }

    String deployment(Service service, String environment, String status, Instant start, Instant finished,
            Change change, String rollbackOf, boolean hotfix, boolean evidence) throws IOException {
        return deployment(service, environment, status, start, finished, change, rollbackOf, hotfix, evidence, null);
    }

    /** Writes a deployment and returns its id; the draws happen in the order of the kind's fields. */
    String deployment(Service service, String environment, String status, Instant start, Instant finished,
            Change change, String rollbackOf, boolean hotfix, boolean evidence, String deployedBy) throws IOException {
        String id = "DEP" + String.format("%08d", ++deploymentSeq);
        boolean bot = chance.percent(70);
        Instant firstCommit = start.minus(Duration.ofMinutes(30 + (long) (Math.exp(chance.nextDouble() * 8.5))));
        Row row = Row.of(Kind.DEPLOYMENTS).set("deployment_id", id).set("service", service.name())
                .set("environment", environment).set("status", status).set("started_at", time(start))
                .set("finished_at", status.equals("in_progress") ? "" : time(finished))
                .set("change_id", change == null ? "" : change.id);
        row.set("version", version());
        row.set("commit_sha", sha());
        row.set("region", chance.pick(REGIONS));
        row.set("deployed_by", deployedBy != null ? deployedBy : bot ? "deploy-bot" : chance.pick(service.engineers()));
        row.set("first_commit_at", rollbackOf == null ? time(firstCommit) : "")
                .set("rollback_of", rollbackOf == null ? "" : rollbackOf);
        row.set("strategy", chance.pick(STRATEGIES));
        row.set("is_hotfix", hotfix ? "true" : "false")
                .set("test_evidence", evidence ? "https://ci.example.com/runs/" + (100_000 + deploymentSeq) : "");
        deployments.write(row);
        lastDeployment = row;
        return id;
    }

    /** Keeps the deployment written last for the resend of corrections (at most six). */
    void keepLastForCorrections() {
        if (correctable.size() < 6) {
            correctable.add(lastDeployment);
        }
    }

    boolean correctionsFull() {
        return correctable.size() >= 6;
    }

    /** A resend of the kept deployments: some unchanged (duplicates), some with test evidence added. */
    void writeCorrections(SourceWriters.CsvFile file) throws IOException {
        for (int i = 0; i < correctable.size(); i++) {
            Row row = correctable.get(i).copy();
            if (i % 2 == 1) {
                row.set("test_evidence", "https://ci.example.com/runs/rerun-" + row.get("deployment_id"));
            }
            file.write(row);
        }
    }

    /** A row an exporter broke: a status in a tool's own words, a time in words, no service, a finish too early. */
    void malformedDeployment(Service service, Instant start) throws IOException {
        String id = "DEP-BAD-" + (++malformedSeq);
        Row row = Row.of(Kind.DEPLOYMENTS).set("deployment_id", id).set("service", service.name())
                .set("environment", "production").set("status", "succeeded").set("started_at", time(start))
                .set("finished_at", time(start));
        switch ((int) (malformedSeq % 4)) {
            case 0 -> row.set("status", "done");
            case 1 -> row.set("started_at", "yesterday 10am");
            case 2 -> row.set("service", "");
            default -> row.set("finished_at", time(start.minus(Duration.ofMinutes(5))));
        }
        deployments.writeMalformed(row);
    }

    /**
     * An incident with the usual spread of severity, detection, acknowledgement, resolution and postmortem: most are
     * resolved within minutes to a couple of hours of being acknowledged, about one in forty takes most of a day.
     * None is left open (the planted scenarios leave one open for good, as a forgotten ticket).
     */
    void incident(Service service, Instant started, String deploymentId, String changeId) throws IOException {
        int severity = 1 + chance.weightedIndex(new int[] {5, 15, 40, 40});
        // a tier-1 service is watched more closely and fails over faster: its incidents are found, taken and
        // resolved in about a third of the time
        int pace = service.tier() == 1 ? 3 : 1;
        Instant detected = started.plus(Duration.ofMinutes(chance.nextInt(15) / pace));
        Instant acknowledged = detected.plus(Duration.ofMinutes(1 + chance.nextInt(20) / pace));
        long minutesToResolve = chance.nextInt(40) == 0 ? 4 * 60 + chance.nextInt(16 * 60) : switch (severity) {
            case 1 -> 15 + chance.nextInt(75);
            case 2 -> 10 + chance.nextInt(50);
            default -> 5 + chance.nextInt(35);
        } / pace;
        Instant resolved = acknowledged.plus(Duration.ofMinutes(minutesToResolve));
        Instant postmortem = null;
        if (severity <= 2) {
            int roll = chance.nextInt(100);
            postmortem = roll < 85 ? resolved.plus(Duration.ofHours(24 + chance.nextInt(8 * 24)))
                    : roll < 93 ? resolved.plus(Duration.ofHours(11 * 24 + chance.nextInt(9 * 24))) : null;
        }
        // the long ones are mostly degradations behind a fallback: customers rarely see them
        boolean impact = severity <= 2 || chance.percent(minutesToResolve > 4 * 60 ? 15 : 40);
        writeIncident(service, severity, started, detected, acknowledged, resolved, deploymentId, changeId, impact,
                postmortem);
    }

    void writeIncident(Service service, int severity, Instant started, Instant detected, Instant acknowledged,
            Instant resolved, String deploymentId, String changeId, boolean impact, Instant postmortem)
            throws IOException {
        if (impact) {
            Instant monthEnd = organisation.local(month.plusMonths(1).atDay(1), 0, 0);
            Instant end = resolved == null || resolved.isAfter(monthEnd) ? monthEnd : resolved;
            downtime.merge(service.name(), Math.max(0, Duration.between(started, end).toSeconds() / 60.0),
                    Double::sum);
        }
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("incident_id", "INC" + String.format("%07d", ++incidentSeq));
        incident.put("service", service.name());
        incident.put("severity", severity);
        incident.put("started_at", utc(started));
        incident.put("detected_at", utc(detected));
        incident.put("acknowledged_at", utc(acknowledged));
        incident.put("resolved_at", utc(resolved));
        incident.put("caused_by_deployment_id", deploymentId);
        incident.put("caused_by_change_id", changeId);
        incident.put("customer_impact", impact);
        incident.put("postmortem_at", utc(postmortem));
        incident.put("title", chance.pick(new String[] {"Elevated error rate", "Latency above SLO",
                "Checkout failures", "Login errors", "Queue backlog", "Partial outage", "Stale search results"})
                + " on " + service.name());
        incidents.write(incident);
        if (chance.nextDouble() < settings.malformedShare() * 10) {
            // a line an exporter broke, and a severity in a tool's own words: rejected rows
            incidents.writeRaw(chance.nextBoolean()
                    ? "{\"incident_id\": \"INC-BROKEN-" + (++malformedSeq) + "\", \"service\": \"" + service.name() + "\""
                    : "{\"incident_id\": \"INC-BAD-" + (++malformedSeq) + "\", \"service\": \"" + service.name()
                            + "\", \"severity\": \"P1\", \"started_at\": \"" + utc(started) + "\"}");
        }
    }

    /** An exception (a waiver of the change rules), granted and expiring at local times. */
    void exception(String id, String reason, String approvedBy, Instant granted, Instant expires) throws IOException {
        exceptions.write(Row.of(Kind.EXCEPTIONS).set("exception_id", id).set("reason", reason)
                .set("approved_by", approvedBy).set("granted_at", time(granted)).set("expires_at", time(expires)));
    }

    /** Whether the service's error budget of the month is spent by the downtime so far. */
    boolean budgetSpent(Service service) {
        if (service.slo().isEmpty()) {
            return false;
        }
        double minutes = Duration.between(organisation.local(month.atDay(1), 0, 0),
                organisation.local(month.plusMonths(1).atDay(1), 0, 0)).toMinutes();
        double allowed = (100 - Double.parseDouble(service.slo())) / 100 * minutes;
        return downtime.getOrDefault(service.name(), 0.0) >= allowed;
    }

    String environment() {
        int roll = chance.nextInt(100);
        return roll < 92 ? "production" : roll < 97 ? "prod" : "Production";
    }

    private String approvers(int count, String notThis) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            String approver = chance.pick(APPROVERS);
            if (!approver.equals(notThis) && !chosen.contains(approver)) {
                chosen.add(approver);
            }
        }
        return String.join(";", chosen);
    }

    private String version() {
        return (1 + chance.nextInt(5)) + "." + chance.nextInt(40) + "." + chance.nextInt(20);
    }

    private String sha() {
        return String.format("%016x%016x%08x", chance.nextLong(), chance.nextLong(), chance.nextInt());
    }

    private String time(Instant instant) {
        return time(instant, settings.zone());
    }

    /** A time as the canonical files write it: ISO-8601 with the organisation's offset; empty for none. */
    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : OFFSET.format(instant.atZone(zone).toOffsetDateTime());
    }

    private static String utc(Instant instant) {
        return instant == null ? null : OFFSET.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
