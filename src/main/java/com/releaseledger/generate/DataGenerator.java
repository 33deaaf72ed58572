package com.releaseledger.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a deterministic, realistic organisation's sources in the canonical formats (DESIGN.md section 2):
 * teams and services; deployments with weekday business-hours rhythms and weekly release trains, failures,
 * rollbacks and retries; the change tickets behind them with their approvals; incidents, some caused by
 * deployments; blackouts (a maintenance freeze each month, a quarter-end freeze); exceptions; and a small share
 * of malformed rows. Every governance rule RL01-RL15 is planted at least once each month. Rows are written as
 * they are made, so the output can be millions of rows without holding them.
 */
public final class DataGenerator {

    private static final String[] TEAMS = {"payments", "checkout", "search", "identity", "platform", "catalog",
            "fulfilment", "messaging", "billing", "mobile", "growth", "data"};
    private static final String[] SUFFIXES = {"api", "web", "worker", "db", "gateway", "events", "jobs", "cache"};
    private static final String[] ENGINEERS = {"Ana Souza", "Ben Carter", "Chloe Martin", "Dev Patel", "Eva Novak",
            "Femi Adeyemi", "Grace Liu", "Hiro Tanaka", "Ines Garcia", "Jonas Berg", "Kira Ivanova", "Liam Walsh",
            "Maya Cohen", "Nina Rossi", "Omar Haddad", "Paula Silva", "Quinn Murphy", "Ravi Kumar", "Sara Lind",
            "Tariq Aziz", "Uma Nair", "Victor Hugo", "Wen Zhao", "Yusuf Demir"};
    private static final String[] APPROVERS = {"Helen Brooks", "Marcus Reid", "Sofia Alvarez", "Tom Baker",
            "Priya Shah", "Daniel Okafor"};
    private static final String[] REGIONS = {"eu-west-1", "eu-west-2", "eu-central-1", "us-east-1"};
    private static final String[] STRATEGIES = {"rolling", "rolling", "rolling", "blue_green", "canary", "recreate",
            "manual"};

    static final String[] DEPLOYMENT_COLUMNS = {"deployment_id", "service", "environment", "status", "started_at",
            "finished_at", "change_id", "version", "commit_sha", "region", "deployed_by", "first_commit_at",
            "rollback_of", "strategy", "is_hotfix", "test_evidence"};
    static final String[] CHANGE_COLUMNS = {"change_id", "type", "risk", "service", "status", "requested_by",
            "created_at", "title", "scope", "approved_by", "approval_type", "approved_at", "planned_start",
            "planned_end", "implemented_by", "outcome", "review_completed_at", "exception_id"};

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path out;
    private final GeneratorSettings settings;
    private final SplittableRandom random;
    private final List<Service> services = new ArrayList<>();
    private final List<Blackout> blackouts = new ArrayList<>();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final List<String[]> correctable = new ArrayList<>();
    /** Customer-facing downtime minutes per service in the month being generated (overlaps counted twice). */
    private final Map<String, Double> downtime = new HashMap<>();
    private YearMonth currentMonth;
    private long deploymentSeq;
    private long changeSeq;
    private long incidentSeq;
    private long malformedSeq;
    private CSVPrinter deployments;
    private CSVPrinter changes;
    private CSVPrinter exceptions;
    private Writer incidents;

    private DataGenerator(Path out, GeneratorSettings settings) {
        this.out = out;
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    /** Writes the sources into {@code out} and returns the rows written per file. */
    public static Map<String, Long> generate(Path out, GeneratorSettings settings) throws IOException {
        Files.createDirectories(out);
        DataGenerator generator = new DataGenerator(out, settings);
        generator.run();
        return generator.rows;
    }

    private record Service(String name, String team, int tier, String slo, String rollback, String owner,
            boolean train, DayOfWeek trainDay, String[] engineers) {
    }

    private record Blackout(String id, Instant starts, Instant ends, List<String> services, String reason) {
        boolean covers(String service, Instant at) {
            return !at.isBefore(starts) && at.isBefore(ends) && (services.isEmpty() || services.contains(service));
        }
    }

    /** A change ticket being built alongside its deployments. */
    private final class Change {
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
            this.requestedBy = pick(service.engineers);
            this.created = firstStart.minus(Duration.ofMinutes(60 + random.nextInt(7 * 24 * 60)));
            switch (type) {
                case "standard" -> {
                    risk = "low";
                    approvedBy = "Standard Change Catalogue";
                    approvalType = "pre_approved";
                    approvedAt = created;
                }
                case "normal" -> {
                    risk = weighted(new String[] {"low", "medium", "high", "critical"}, new int[] {35, 40, 20, 5});
                    boolean cab = risk.equals("high") || risk.equals("critical") || random.nextInt(4) == 0;
                    approvalType = cab ? "cab" : "delegated";
                    approvedBy = approvers(cab ? 2 : 1, requestedBy);
                    approvedAt = firstStart.minus(Duration.ofMinutes(30 + random.nextInt(48 * 60)));
                    if (approvedAt.isBefore(created)) {
                        created = approvedAt.minus(Duration.ofMinutes(15));
                    }
                    plannedStart = firstStart.minus(Duration.ofMinutes(15 + random.nextInt(45)));
                    plannedEnd = firstStart.plus(Duration.ofMinutes(120 + random.nextInt(180)));
                }
                default -> {
                    risk = random.nextInt(3) == 0 ? "critical" : "high";
                    approvalType = "delegated";
                    approvedBy = approvers(1, requestedBy);
                    // emergency changes are often approved retrospectively, after the fix went out
                    approvedAt = firstStart.plus(Duration.ofMinutes(random.nextInt(3) == 0 ? -20 : 30 + random.nextInt(600)));
                    reviewCompleted = random.nextInt(100) < 88
                            ? firstStart.plus(Duration.ofMinutes(24 * 60 + random.nextInt(3 * 24 * 60))) : null;
                }
            }
        }

        void write() throws IOException {
            String scope = weighted(new String[] {"application", "infrastructure", "database", "third_party"},
                    new int[] {70, 15, 10, 5});
            changes.printRecord(id, type, risk, service.name, status, requestedBy, time(created),
                    title(), scope, approvedBy, approvalType, time(approvedAt), time(plannedStart), time(plannedEnd),
                    implementedBy, outcome, time(reviewCompleted), exceptionId);
            count("changes.csv");
        }

        private String title() {
            String[] verbs = {"Release", "Upgrade", "Configure", "Patch", "Migrate", "Scale", "Enable", "Roll out"};
            String[] things = {"dependency versions", "feature flag", "connection pool", "TLS certificates",
                    "schema", "autoscaling policy", "caching layer", "API endpoint", "retry policy", "build image"};
            return pick(verbs) + " " + pick(things) + " on " + service.name;
        }
    }

    private void run() throws IOException {
        makeServices();
        makeBlackouts();
        try (CSVPrinter changesOut = csv("changes.csv", CHANGE_COLUMNS);
                CSVPrinter exceptionsOut = csv("exceptions.csv",
                        "exception_id", "reason", "approved_by", "granted_at", "change_id", "expires_at");
                Writer incidentsOut = Files.newBufferedWriter(out.resolve("incidents.jsonl"), StandardCharsets.UTF_8)) {
            changes = changesOut;
            exceptions = exceptionsOut;
            incidents = incidentsOut;
            rows.put("incidents.jsonl", 0L);
            for (int m = 0; m < settings.months(); m++) {
                YearMonth month = settings.firstMonth().plusMonths(m);
                String name = "deployments-" + month + ".csv";
                try (CSVPrinter monthOut = csv(name, DEPLOYMENT_COLUMNS)) {
                    deployments = monthOut;
                    currentMonth = month;
                    downtime.clear();
                    regularMonth(month);
                    closeOpenChanges();
                    plant(month, m);
                }
            }
        }
        writeCorrections();
    }

    // ---- reference data ----

    private void makeServices() throws IOException {
        try (CSVPrinter printer = csv("services.csv", "service", "team", "tier", "slo_target", "rollback", "owner")) {
            for (int i = 0; i < settings.services(); i++) {
                String team = TEAMS[i % settings.teams()];
                int round = i / settings.teams();
                String name = team + "-" + SUFFIXES[round % SUFFIXES.length]
                        + (round >= SUFFIXES.length ? "-" + (round / SUFFIXES.length + 1) : "");
                // service 0 is tier 1 with a tight SLO (its budget is spent each month); service 1 rolls back by hand
                int tier = i == 0 ? 1 : 1 + weightedIndex(new int[] {30, 45, 25});
                String slo = switch (tier) {
                    case 1 -> i % 3 == 0 ? "99.9" : "99.95";
                    case 2 -> "99.5";
                    default -> random.nextInt(3) == 0 ? "" : "99";
                };
                String rollback = i == 1 || random.nextInt(100) < 12 ? "manual" : "automated";
                String[] engineers = new String[4];
                for (int e = 0; e < engineers.length; e++) {
                    engineers[e] = ENGINEERS[(i * 3 + e * 7) % ENGINEERS.length];
                }
                Service service = new Service(name, "team-" + team, tier, slo, rollback, engineers[0],
                        random.nextInt(4) == 0, DayOfWeek.of(2 + random.nextInt(3)), engineers);
                services.add(service);
                printer.printRecord(name, service.team, tier, slo, rollback, service.owner);
                count("services.csv");
            }
            if (settings.malformedShare() > 0) {
                // an optional value that is invalid: the row is kept, the value ignored (a data-quality item)
                printer.printRecord("reporting-batch", "team-" + TEAMS[0], "four", "n/a", "sometimes", "Ana Souza");
                count("services.csv");
            }
        }
    }

    private void makeBlackouts() throws IOException {
        try (CSVPrinter printer = csv("blackouts.csv", "blackout_id", "starts_at", "ends_at", "services", "reason")) {
            for (int m = 0; m < settings.months(); m++) {
                YearMonth month = settings.firstMonth().plusMonths(m);
                List<String> covered = List.of(services.get(2).name, services.get(3).name);
                Blackout maintenance = new Blackout("BLK-" + month + "-MAINT", local(month.atDay(20), 18, 0),
                        local(month.atDay(21), 6, 0), covered, "Datacentre network maintenance");
                blackouts.add(maintenance);
                if (month.getMonthValue() % 3 == 0) {
                    blackouts.add(new Blackout("BLK-" + month + "-QEND", local(month.atEndOfMonth().minusDays(2), 0, 0),
                            local(month.plusMonths(1).atDay(1), 6, 0), List.of(), "Quarter-end freeze"));
                }
            }
            for (Blackout blackout : blackouts) {
                printer.printRecord(blackout.id, time(blackout.starts), time(blackout.ends),
                        String.join(";", blackout.services), blackout.reason);
                count("blackouts.csv");
            }
        }
    }

    // ---- the regular rhythm of a month ----

    private void regularMonth(YearMonth month) throws IOException {
        double perServiceWeekday = settings.deploymentsPerMonth() / (double) settings.services() / 21.7;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            for (Service service : services) {
                double lambda = weekend ? perServiceWeekday * 0.02
                        : service.train ? (day.getDayOfWeek() == service.trainDay ? perServiceWeekday * 5 : 0)
                        : perServiceWeekday;
                int n = poisson(lambda);
                if (n == 0) {
                    continue;
                }
                int[] minutes = new int[n];
                for (int i = 0; i < n; i++) {
                    // business hours, 09:00 to 17:30, a release train at 10:00 and after
                    minutes[i] = service.train && !weekend ? 600 + random.nextInt(240) : 540 + random.nextInt(510);
                }
                Arrays.sort(minutes);
                for (int minute : minutes) {
                    Instant start = local(day, minute / 60, minute % 60)
                            .plusSeconds(random.nextInt(60));
                    String type = weighted(new String[] {"standard", "normal", "emergency"}, new int[] {55, 41, 4});
                    if (!type.equals("emergency") && inBlackout(service.name, start)) {
                        continue; // teams respect freezes, except for emergencies
                    }
                    if (settings.holdReleases() && !type.equals("emergency") && budgetSpent(service)
                            && random.nextInt(10) > 0) {
                        continue; // and mostly hold releases once the month's error budget is spent
                    }
                    if (random.nextDouble() < settings.malformedShare()) {
                        malformedDeployment(service, start);
                    }
                    deploymentUnit(service, start, type, month);
                }
            }
        }
    }

    /** A change and what it takes to ship it: maybe a staging run, the production deployment, a retry or rollback. */
    private void deploymentUnit(Service service, Instant start, String type, YearMonth month) throws IOException {
        Change change = random.nextInt(100) < 99 ? change(service, type, start) : null;
        boolean hotfix = "emergency".equals(type) || random.nextInt(100) < 2;
        if (random.nextInt(100) < 30) {
            Instant stagingStart = start.minus(Duration.ofMinutes(60 + random.nextInt(120)));
            deployment(service, "staging", "succeeded", stagingStart, minutes(stagingStart, 3, 20), change, null,
                    hotfix, true);
        }
        String status = weighted(new String[] {"succeeded", "failed", "rolled_back", "cancelled"},
                new int[] {90, 4, 3, 3});
        Instant finished = minutes(start, 3, 40);
        String id = deployment(service, environment(), status, start, finished, change, null, hotfix,
                random.nextInt(100) < 95);
        if (correctable.size() < 6 && status.equals("succeeded") && month.equals(lastMonth())) {
            correctable.add(lastDeployment);
        }
        String outcome = "successful";
        Instant lastLive = status.equals("succeeded") ? finished : null;
        switch (status) {
            case "failed" -> {
                if (random.nextInt(100) < 80) {
                    Instant retry = finished.plus(Duration.ofMinutes(30 + random.nextInt(90)));
                    Instant retryEnd = minutes(retry, 3, 40);
                    deployment(service, "production", "succeeded", retry, retryEnd, change, null, hotfix, true);
                    lastLive = retryEnd;
                } else {
                    outcome = "failed";
                }
            }
            case "rolled_back" -> {
                outcome = "backed_out";
                Instant back = finished.plus(Duration.ofMinutes(2 + random.nextInt(20)));
                deployment(service, "production", "succeeded", back, minutes(back, 2, 10), change, id, true, true);
                if (change != null && random.nextInt(100) < 80) {
                    change.reviewCompleted = finished.plus(Duration.ofMinutes(6 * 60 + random.nextInt(4 * 24 * 60)));
                }
                lastLive = finished;
            }
            case "cancelled" -> outcome = null;
            default -> {
            }
        }
        if (lastLive != null && random.nextInt(1000) < 30 * settings.incidentFactor()) {
            boolean throughChange = change != null && random.nextInt(100) < 25;
            incident(service, lastLive.plus(Duration.ofMinutes(5 + random.nextInt(360))),
                    throughChange ? null : id, throughChange ? change.id : null);
        }
        if (random.nextInt(1000) < 8 * settings.incidentFactor()) {
            incident(service, local(start.atZone(settings.zone()).toLocalDate(), 2 + random.nextInt(20), 0),
                    null, null);
        }
        if (change != null) {
            change.implementedBy = pick(service.engineers);
            change.outcome = outcome;
            change.status = outcome == null ? "cancelled" : random.nextInt(100) < 90 ? "closed" : "implemented";
            if (settings.deploymentsPerChange() == 1) {
                change.write();
            }
        }
    }

    /** Changes still open for more deployments of their service (when one change covers several). */
    private final Map<String, Change> openChanges = new LinkedHashMap<>();

    /**
     * The change a deployment unit ships: a new one, or (when a change covers several deployments) the service's
     * open change of the same type if its first deployment started less than two hours ago and it has deployments
     * left.
     */
    private Change change(Service service, String type, Instant start) throws IOException {
        if (settings.deploymentsPerChange() == 1) {
            return new Change(service, type, start);
        }
        String key = service.name + " " + type;
        Change open = openChanges.get(key);
        if (open != null && open.deployments < settings.deploymentsPerChange() && !type.equals("emergency")
                && start.isBefore(open.firstStart.plus(Duration.ofHours(2)))) {
            open.deployments++;
            return open;
        }
        if (open != null) {
            open.write();
        }
        Change change = new Change(service, type, start);
        openChanges.put(key, change);
        return change;
    }

    /** Writes the changes still open (at the end of a month). */
    private void closeOpenChanges() throws IOException {
        for (Change open : openChanges.values()) {
            open.write();
        }
        openChanges.clear();
    }

    /** The row of the deployment written last, for the resend of corrections. */
    private String[] lastDeployment;

    private String deployment(Service service, String environment, String status, Instant start, Instant finished,
            Change change, String rollbackOf, boolean hotfix, boolean evidence) throws IOException {
        return deployment(service, environment, status, start, finished, change, rollbackOf, hotfix, evidence, null);
    }

    private String deployment(Service service, String environment, String status, Instant start, Instant finished,
            Change change, String rollbackOf, boolean hotfix, boolean evidence, String deployedBy) throws IOException {
        String id = "DEP" + String.format("%08d", ++deploymentSeq);
        boolean bot = random.nextInt(100) < 70;
        Instant firstCommit = start.minus(Duration.ofMinutes(30 + (long) (Math.exp(random.nextDouble() * 8.5))));
        String[] row = {id, service.name, environment, status, time(start),
                status.equals("in_progress") ? "" : time(finished), change == null ? "" : change.id,
                version(), sha(), pick(REGIONS), deployedBy != null ? deployedBy : bot ? "deploy-bot" : pick(service.engineers),
                rollbackOf == null ? time(firstCommit) : "", rollbackOf == null ? "" : rollbackOf, pick(STRATEGIES),
                hotfix ? "true" : "false", evidence ? "https://ci.example.com/runs/" + (100_000 + deploymentSeq) : ""};
        deployments.printRecord((Object[]) row);
        count(currentDeploymentFile);
        lastDeployment = row;
        return id;
    }

    private String currentDeploymentFile;

    private void incident(Service service, Instant started, String deploymentId, String changeId) throws IOException {
        int severity = 1 + weightedIndex(new int[] {5, 15, 40, 40});
        Instant detected = started.plus(Duration.ofMinutes(random.nextInt(15)));
        Instant acknowledged = detected.plus(Duration.ofMinutes(1 + random.nextInt(20)));
        long minutesToResolve = switch (severity) {
            case 1 -> 30 + random.nextInt(210);
            case 2 -> 20 + random.nextInt(160);
            default -> 10 + random.nextInt(80);
        };
        boolean open = random.nextInt(100) < 2;
        Instant resolved = open ? null : acknowledged.plus(Duration.ofMinutes(minutesToResolve));
        Instant postmortem = null;
        if (severity <= 2 && resolved != null) {
            int roll = random.nextInt(100);
            postmortem = roll < 85 ? resolved.plus(Duration.ofHours(24 + random.nextInt(8 * 24)))
                    : roll < 93 ? resolved.plus(Duration.ofHours(11 * 24 + random.nextInt(9 * 24))) : null;
        }
        boolean impact = severity <= 2 || random.nextInt(100) < 60;
        writeIncident(service, severity, started, detected, acknowledged, resolved, deploymentId, changeId, impact,
                postmortem);
    }

    private void writeIncident(Service service, int severity, Instant started, Instant detected, Instant acknowledged,
            Instant resolved, String deploymentId, String changeId, boolean impact, Instant postmortem)
            throws IOException {
        if (impact) {
            Instant monthEnd = local(currentMonth.plusMonths(1).atDay(1), 0, 0);
            Instant end = resolved == null || resolved.isAfter(monthEnd) ? monthEnd : resolved;
            downtime.merge(service.name, Math.max(0, Duration.between(started, end).toSeconds() / 60.0), Double::sum);
        }
        Map<String, Object> incident = new LinkedHashMap<>();
        String id = "INC" + String.format("%07d", ++incidentSeq);
        incident.put("incident_id", id);
        incident.put("service", service.name);
        incident.put("severity", severity);
        incident.put("started_at", utc(started));
        incident.put("detected_at", utc(detected));
        incident.put("acknowledged_at", utc(acknowledged));
        incident.put("resolved_at", utc(resolved));
        incident.put("caused_by_deployment_id", deploymentId);
        incident.put("caused_by_change_id", changeId);
        incident.put("customer_impact", impact);
        incident.put("postmortem_at", utc(postmortem));
        incident.put("title", pick(new String[] {"Elevated error rate", "Latency above SLO", "Checkout failures",
                "Login errors", "Queue backlog", "Partial outage", "Stale search results"}) + " on " + service.name);
        incidents.write(JSON.writeValueAsString(incident));
        incidents.write('\n');
        count("incidents.jsonl");
        if (random.nextDouble() < settings.malformedShare() * 10) {
            // a line an exporter broke, and a severity in a tool's own words: rejected rows
            incidents.write(random.nextBoolean()
                    ? "{\"incident_id\": \"INC-BROKEN-" + (++malformedSeq) + "\", \"service\": \"" + service.name + "\"\n"
                    : "{\"incident_id\": \"INC-BAD-" + (++malformedSeq) + "\", \"service\": \"" + service.name
                            + "\", \"severity\": \"P1\", \"started_at\": \"" + utc(started) + "\"}\n");
            count("incidents.jsonl");
        }
    }

    private void malformedDeployment(Service service, Instant start) throws IOException {
        String id = "DEP-BAD-" + (++malformedSeq);
        String[] row = switch ((int) (malformedSeq % 4)) {
            case 0 -> new String[] {id, service.name, "production", "done", time(start), time(start), "", "", "", "",
                    "", "", "", "", "", ""};
            case 1 -> new String[] {id, service.name, "production", "succeeded", "yesterday 10am", time(start), "",
                    "", "", "", "", "", "", "", "", ""};
            case 2 -> new String[] {id, "", "production", "succeeded", time(start), time(start), "", "", "", "", "",
                    "", "", "", "", ""};
            default -> new String[] {id, service.name, "production", "succeeded", time(start),
                    time(start.minus(Duration.ofMinutes(5))), "", "", "", "", "", "", "", "", "", ""};
        };
        deployments.printRecord((Object[]) row);
        count(currentDeploymentFile);
    }

    // ---- every governance rule, planted each month ----

    private void plant(YearMonth month, int m) throws IOException {
        Service budgeted = services.get(0);   // tier 1, tight SLO
        Service manual = services.get(1);     // rolls back by hand
        Service frozen = services.get(2);     // covered by the monthly maintenance blackout
        int n = services.size();
        Service a = services.get((3 + m) % n);
        Service b = services.get((4 + m) % n);
        Service c = services.get((5 + m) % n);

        // RL13: a four-hour customer-facing outage on the 2nd spends the month's budget; a routine release follows
        Instant outage = local(month.atDay(2), 10, 0);
        writeIncident(budgeted, 1, outage, outage.plusSeconds(120), outage.plusSeconds(600),
                outage.plus(Duration.ofHours(4)), null, null, true, outage.plus(Duration.ofDays(3)));
        plantedDeployment(budgeted, month, 4, 14, "normal", c2 -> {
        }, "succeeded", true);

        // RL01 twice: no change at all, and a change id that no ticket has
        Instant noChange = local(month.atDay(6), 11, 0);
        deployment(a, "production", "succeeded", noChange, noChange.plus(Duration.ofMinutes(12)), null, null, false, true);
        Instant unknownChange = local(month.atDay(6), 15, 0);
        Change ghost = new Change(b, "normal", unknownChange);
        deployment(b, "production", "succeeded", unknownChange, unknownChange.plus(Duration.ofMinutes(9)), ghost,
                null, false, true); // the ticket is never written
        // RL02: approved two hours after the deployment started
        plantedDeployment(c, month, 7, 11, "normal", ch -> ch.approvedAt = ch.plannedStart.plus(Duration.ofHours(2)),
                "succeeded", true);
        // RL03: a rejected change deployed anyway
        plantedDeployment(a, month, 8, 10, "normal", ch -> ch.status = "rejected", "succeeded", true);
        // RL04: the requester approved their own change (other case and spacing in the approver list)
        plantedDeployment(b, month, 9, 10, "normal", ch -> {
            ch.requestedBy = "Priya Shah";
            ch.approvedBy = " PRIYA SHAH ;Tom Baker";
        }, "succeeded", true);
        // RL05: the approver deployed it
        Change approverDeployed = new Change(c, "normal", local(month.atDay(9), 14, 0));
        approverDeployed.approvedBy = "Tom Baker";
        Instant rl05 = local(month.atDay(9), 14, 0);
        deployment(c, "production", "succeeded", rl05, rl05.plus(Duration.ofMinutes(8)), approverDeployed, null,
                false, true, " tom baker");
        approverDeployed.outcome = "successful";
        approverDeployed.write();
        // RL06: a critical normal change approved by delegation, not by the CAB
        plantedDeployment(a, month, 12, 10, "normal", ch -> {
            ch.risk = "critical";
            ch.approvalType = "delegated";
        }, "succeeded", true);
        // RL07: a routine release inside the maintenance blackout; beside it an emergency (not a finding) and a
        // release under a valid exception (not a finding either)
        plantedDeployment(frozen, month, 20, 22, "normal", ch -> {
        }, "succeeded", true);
        plantedDeployment(frozen, month, 20, 23, "emergency", ch -> {
        }, "succeeded", true);
        String validException = "EXC-" + month + "-OK";
        plantedDeployment(services.get(3), month, 20, 21, "normal", ch -> ch.exceptionId = validException,
                "succeeded", true);
        exceptions.printRecord(validException, "Vendor-mandated patch during maintenance", "Helen Brooks",
                time(local(month.atDay(18), 9, 0)), "", time(local(month.atDay(25), 9, 0)));
        count("exceptions.csv");
        // RL08: the deployment ran past the end of its approved window
        plantedDeployment(b, month, 13, 16, "normal", ch -> ch.plannedEnd = ch.plannedStart.plus(Duration.ofMinutes(20)),
                "succeeded", true);
        // RL09: an emergency change never reviewed
        plantedDeployment(c, month, 13, 9, "emergency", ch -> ch.reviewCompleted = null, "succeeded", true);
        // RL10: an exception that had expired, and one that does not exist
        String expired = "EXC-" + month + "-EXPIRED";
        exceptions.printRecord(expired, "Temporary waiver", "Marcus Reid", time(local(month.atDay(1), 9, 0)), "",
                time(local(month.atDay(5), 9, 0)));
        String tooLong = "EXC-" + month + "-LONG";
        exceptions.printRecord(tooLong, "Open-ended waiver", "Marcus Reid", time(local(month.atDay(1), 9, 0)), "",
                time(local(month.atDay(1), 9, 0).plus(Duration.ofDays(45))));
        rows.merge("exceptions.csv", 2L, Long::sum);
        plantedDeployment(a, month, 14, 10, "normal", ch -> ch.exceptionId = expired, "succeeded", true);
        plantedDeployment(b, month, 14, 11, "normal", ch -> ch.exceptionId = tooLong, "succeeded", true);
        plantedDeployment(c, month, 14, 12, "normal", ch -> ch.exceptionId = "EXC-" + month + "-MISSING",
                "succeeded", true);
        // RL11: a severity-2 incident whose postmortem came thirteen days after it was resolved
        Instant sev2 = local(month.atDay(15), 13, 0);
        writeIncident(a, 2, sev2, sev2.plusSeconds(300), sev2.plusSeconds(900), sev2.plus(Duration.ofHours(2)),
                null, null, true, sev2.plus(Duration.ofDays(13)));
        // RL12 and RL14: rolled back, yet closed as successful, and never reviewed
        plantedDeployment(b, month, 16, 15, "normal", ch -> ch.reviewCompleted = null, "rolled_back", true);
        // RL15: a service that rolls back by hand, deployed without test evidence
        plantedDeployment(manual, month, 18, 10, "standard", ch -> {
        }, "succeeded", false);
        // a service missing from services.csv: a data-quality item
        Service unknown = new Service("legacy-reporting", "team-none", 3, "", "automated", "Ana Souza", false,
                DayOfWeek.MONDAY, new String[] {"Ana Souza"});
        plantedDeployment(unknown, month, 19, 10, "standard", ch -> {
        }, "succeeded", true);
    }

    private void plantedDeployment(Service service, YearMonth month, int day, int hour, String type,
            Consumer<Change> shape, String status, boolean evidence) throws IOException {
        Instant start = local(month.atDay(day), hour, 5);
        Change change = new Change(service, type, start);
        shape.accept(change);
        Instant finished = start.plus(Duration.ofMinutes(25));
        deployment(service, "production", status, start, finished, change, null, "emergency".equals(type), evidence);
        change.implementedBy = pick(service.engineers);
        change.outcome = "successful"; // RL12 where the deployment was rolled back
        change.write();
    }

    /** A resend of a few of the last month's deployments: some unchanged (duplicates), some with evidence added. */
    private void writeCorrections() throws IOException {
        Path dir = Files.createDirectories(out.resolve("corrections"));
        String name = "corrections/deployments-" + lastMonth() + ".csv";
        try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(dir.resolve("deployments-" + lastMonth()
                + ".csv"), StandardCharsets.UTF_8), CSVFormat.RFC4180.builder().setHeader(DEPLOYMENT_COLUMNS)
                .setRecordSeparator('\n').get())) {
            rows.put(name, 0L);
            for (int i = 0; i < correctable.size(); i++) {
                String[] row = correctable.get(i).clone();
                if (i % 2 == 1) {
                    row[15] = "https://ci.example.com/runs/rerun-" + row[0];
                }
                printer.printRecord((Object[]) row);
                count(name);
            }
        }
    }

    // ---- helpers ----

    private CSVPrinter csv(String name, String... header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(out.resolve(name), StandardCharsets.UTF_8);
        rows.put(name, 0L);
        if (name.startsWith("deployments-")) {
            currentDeploymentFile = name;
        }
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator('\n').get());
    }

    private void count(String file) {
        rows.merge(file, 1L, Long::sum);
    }

    private YearMonth lastMonth() {
        return settings.firstMonth().plusMonths(settings.months() - 1L);
    }

    private boolean budgetSpent(Service service) {
        if (service.slo.isEmpty()) {
            return false;
        }
        double minutes = Duration.between(local(currentMonth.atDay(1), 0, 0),
                local(currentMonth.plusMonths(1).atDay(1), 0, 0)).toMinutes();
        double allowed = (100 - Double.parseDouble(service.slo)) / 100 * minutes;
        return downtime.getOrDefault(service.name, 0.0) >= allowed;
    }

    private boolean inBlackout(String service, Instant at) {
        for (Blackout blackout : blackouts) {
            if (blackout.covers(service, at)) {
                return true;
            }
        }
        return false;
    }

    private Instant local(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(settings.zone()).toInstant();
    }

    private Instant minutes(Instant from, int min, int max) {
        return from.plus(Duration.ofSeconds(60L * min + random.nextInt((max - min) * 60)));
    }

    private String time(Instant instant) {
        return instant == null ? "" : OFFSET.format(instant.atZone(settings.zone()).toOffsetDateTime());
    }

    private static String utc(Instant instant) {
        return instant == null ? null : OFFSET.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private String environment() {
        int roll = random.nextInt(100);
        return roll < 92 ? "production" : roll < 97 ? "prod" : "Production";
    }

    private String approvers(int count, String notThis) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            String approver = pick(APPROVERS);
            if (!approver.equals(notThis) && !chosen.contains(approver)) {
                chosen.add(approver);
            }
        }
        return String.join(";", chosen);
    }

    private String version() {
        return (1 + random.nextInt(5)) + "." + random.nextInt(40) + "." + random.nextInt(20);
    }

    private String sha() {
        return String.format("%016x%016x%08x", random.nextLong(), random.nextLong(), random.nextInt());
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String weighted(String[] values, int[] weights) {
        return values[weightedIndex(weights)];
    }

    private int weightedIndex(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A Poisson count (Knuth's method for small means, a rounded normal for large ones). */
    private int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            double normal = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * normal));
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
