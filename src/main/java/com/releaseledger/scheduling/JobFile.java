package com.releaseledger.scheduling;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.releaseledger.analysis.GateService;
import com.releaseledger.analysis.Policy;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.ingest.Kind;
import com.releaseledger.ingest.Profile;
import com.releaseledger.ingest.SourceFormat;
import com.releaseledger.kernel.BadInputException;
import com.releaseledger.reporting.Document;

/**
 * A job file ({@code jobs/*.yml}): the job's name, its sources and its ingest policy. Read strictly: an unknown
 * key, a missing one or a wrong value is refused with the file, the line, the key and what was expected.
 *
 * @param name             the job's name, used for its output folder and its runs
 * @param description      what the job is for
 * @param file             the job file
 * @param sources          its sources, in the order they are ingested
 * @param maxRejectedShare the largest share of rejected rows a source file may have (0 to 1), or null
 * @param reportingZone    the zone periods are read in (default UTC)
 * @param policy           the policy values and band thresholds (defaults: DESIGN.md section 6)
 * @param schedule         when the job runs and which period it reports, or null for a job run by hand only
 * @param reports          the documents to write (default all three)
 * @param output           the output folder (default {@code output} in the working directory), or null
 */
public record JobFile(String name, String description, Path file, List<SourceSpec> sources,
        BigDecimal maxRejectedShare, ZoneId reportingZone, Policy policy, Schedule schedule, Set<Document> reports,
        Path output) {

    /** The documents a job can write. */

    private static final Set<String> TOP_KEYS = Set.of("job", "description", "sources", "ingest", "reporting_zone",
            "policy", "schedule", "reports", "output");
    private static final Set<String> SCHEDULE_KEYS = Set.of("cron", "zone", "period", "catch_up_from");
    private static final Set<String> POLICY_KEYS = Set.of("production_environments", "cab_required_risks",
            "emergency_review_days", "pir_days", "postmortem_days", "postmortem_max_severity", "max_exception_days",
            "bands", "sample", "stale_incident_days", "control_owners", "gate_blocking_severities", "gate_required",
            "gate_max_age_minutes");
    private static final Set<String> SAMPLE_KEYS = Set.of("size", "seed");
    private static final Set<String> BAND_KEYS = Set.of("lead_time_hours", "change_failure_rate", "recovery_hours",
            "deploy_days_per_week", "deploy_days_per_month");
    private static final Set<String> SOURCE_KEYS = Set.of("kind", "path", "format", "zone", "profile", "constants");
    private static final Set<String> INGEST_KEYS = Set.of("max_rejected_share");

    /**
     * The deployment gate's question about a deployment about to start, judged with this job's policy, in its
     * reporting zone, over the period its runs report (a month for a job with no schedule).
     */
    public GateService.Request gateRequest(String service, String environment, String changeId, String deployedBy,
            Instant at, boolean hotfix, String testEvidence, String overrideBy, String overrideReason) {
        ReportingPeriod.Kind kind = schedule == null ? ReportingPeriod.Kind.MONTH : schedule.period().kind();
        return new GateService.Request(name, policy, reportingZone, kind, service, environment, changeId, deployedBy,
                at, hotfix, testEvidence, overrideBy, overrideReason);
    }

    /** Reads and checks a job file. */
    public static JobFile load(Path file) {
        return parse(file, read(file));
    }

    /** The text of a job file, as {@link #parse} takes it. */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JobFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Checks a job file's text as read from {@code file} earlier (a run keeps the text it started with, so that a
     * resumed run uses exactly that job whatever the file says now); relative paths are read against its folder.
     */
    static JobFile parse(Path file, String text) {
        Node root;
        try (Reader reader = new StringReader(text)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (IOException e) {
            throw new JobFileException(file + ": cannot be read (" + e.getMessage() + ")");
        } catch (YAMLException e) {
            throw new JobFileException(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        return new Reading(file).job(root);
    }

    /** One pass over a job file's YAML nodes, so that each error can name where it is. */
    private record Reading(Path file) {

        JobFile job(Node root) {
            Map<String, Node> top = mapping(root, "the job file", TOP_KEYS);
            String name = required(top, "job", root);
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw error(top.get("job"), "job \"" + name + "\" is not a name of letters, digits, '.', '_' and '-'");
            }
            String description = top.containsKey("description") ? scalar(top.get("description"), "description") : "";
            Node sourcesNode = top.get("sources");
            if (!(sourcesNode instanceof SequenceNode list) || list.getValue().isEmpty()) {
                throw error(sourcesNode == null ? root : sourcesNode, "sources must be a non-empty list of sources");
            }
            Path base = file.toAbsolutePath().getParent();
            List<SourceSpec> sources = new ArrayList<>();
            for (Node node : list.getValue()) {
                sources.add(source(node, base));
            }
            BigDecimal maxShare = null;
            if (top.containsKey("ingest")) {
                Map<String, Node> ingest = mapping(top.get("ingest"), "ingest", INGEST_KEYS);
                if (ingest.containsKey("max_rejected_share")) {
                    Node share = ingest.get("max_rejected_share");
                    try {
                        maxShare = new BigDecimal(scalar(share, "ingest.max_rejected_share"));
                    } catch (NumberFormatException e) {
                        maxShare = BigDecimal.valueOf(-1);
                    }
                    if (maxShare.signum() < 0 || maxShare.compareTo(BigDecimal.ONE) > 0) {
                        throw error(share, "ingest.max_rejected_share must be a number from 0 to 1");
                    }
                }
            }
            ZoneId reportingZone = top.containsKey("reporting_zone") ? zone(top.get("reporting_zone"), "reporting_zone")
                    : ZoneId.of("UTC");
            Policy policy = top.containsKey("policy") ? policy(top.get("policy")) : Policy.defaults();
            Schedule schedule = top.containsKey("schedule") ? schedule(top.get("schedule")) : null;
            Set<Document> reports = Document.all();
            if (top.containsKey("reports")) {
                Node node = top.get("reports");
                if (!(node instanceof SequenceNode reportList)) {
                    throw error(node, "reports must be a list of " + Arrays.toString(Document.values()));
                }
                Set<Document> chosen = EnumSet.noneOf(Document.class);
                for (Node item : reportList.getValue()) {
                    try {
                        chosen.add(Document.of(scalar(item, "reports")));
                    } catch (BadInputException e) {
                        throw error(item, e.getMessage());
                    }
                }
                reports = Collections.unmodifiableSet(chosen);
            }
            Path output = top.containsKey("output") ? base.resolve(required(top, "output", root)).normalize() : null;
            return new JobFile(name, description, file, List.copyOf(sources), maxShare, reportingZone, policy,
                    schedule, reports, output);
        }

        Schedule schedule(Node node) {
            Map<String, Node> values = mapping(node, "schedule", SCHEDULE_KEYS);
            String cron = required(values, "cron", node);
            try {
                cron = Schedule.normalise(cron);
            } catch (IllegalArgumentException e) {
                throw error(values.get("cron"), "schedule.cron \"" + cron + "\" is not a cron expression: "
                        + e.getMessage() + " (like \"0 6 1 * *\": minute hour day-of-month month day-of-week)");
            }
            ZoneId zone = values.containsKey("zone") ? zone(values.get("zone"), "schedule.zone") : ZoneId.of("UTC");
            String period = required(values, "period", node);
            Schedule.PeriodKind kind;
            try {
                kind = Schedule.PeriodKind.of(period);
            } catch (BadInputException e) {
                throw error(values.get("period"), e.getMessage());
            }
            java.time.YearMonth from = null;
            if (values.containsKey("catch_up_from")) {
                String text = scalar(values.get("catch_up_from"), "schedule.catch_up_from");
                try {
                    from = java.time.YearMonth.parse(text.trim());
                } catch (java.time.format.DateTimeParseException e) {
                    throw error(values.get("catch_up_from"), "schedule.catch_up_from \"" + text
                            + "\" is not a month like 2026-05");
                }
            }
            return new Schedule(cron, zone, kind, from);
        }

        Policy policy(Node node) {
            Map<String, Node> values = mapping(node, "policy", POLICY_KEYS);
            Policy defaults = Policy.defaults();
            Policy.Bands bands = defaults.bands();
            if (values.containsKey("bands")) {
                Map<String, Node> band = mapping(values.get("bands"), "policy.bands", BAND_KEYS);
                bands = new Policy.Bands(
                        numbers(band, "lead_time_hours", 3, bands.leadTimeHours()),
                        numbers(band, "change_failure_rate", 3, bands.changeFailureRate()),
                        numbers(band, "recovery_hours", 3, bands.recoveryHours()),
                        numbers(band, "deploy_days_per_week", 2, bands.deployDaysPerWeek()),
                        band.containsKey("deploy_days_per_month")
                                ? number(band.get("deploy_days_per_month"), "policy.bands.deploy_days_per_month")
                                : bands.deployDaysPerMonth());
            }
            Policy.Sample sample = defaults.sample();
            if (values.containsKey("sample")) {
                Map<String, Node> sampling = mapping(values.get("sample"), "policy.sample", SAMPLE_KEYS);
                int size = sampling.containsKey("size") ? days(sampling, "size", sample.size()) : sample.size();
                String seed = sampling.containsKey("seed") ? scalar(sampling.get("seed"), "policy.sample.seed")
                        : sample.seed();
                try {
                    sample = new Policy.Sample(size, seed);
                } catch (IllegalArgumentException e) {
                    throw error(values.get("sample"), "policy." + e.getMessage());
                }
            }
            Map<String, String> owners = new LinkedHashMap<>();
            if (values.containsKey("control_owners")) {
                if (!(values.get("control_owners") instanceof MappingNode mapping)) {
                    throw error(values.get("control_owners"), "policy.control_owners must map rule ids to owners"
                            + " (RL01: Release management)");
                }
                mapping.getValue().forEach(tuple -> owners.put(scalar(tuple.getKeyNode(), "policy.control_owners"),
                        scalar(tuple.getValueNode(), "policy.control_owners")));
            }
            try {
                return new Policy(
                        names(values, "production_environments", defaults.productionEnvironments()),
                        names(values, "cab_required_risks", defaults.cabRequiredRisks()),
                        days(values, "emergency_review_days", defaults.emergencyReviewDays()),
                        days(values, "pir_days", defaults.pirDays()),
                        days(values, "postmortem_days", defaults.postmortemDays()),
                        days(values, "postmortem_max_severity", defaults.postmortemMaxSeverity()),
                        days(values, "max_exception_days", defaults.maxExceptionDays()),
                        bands, sample,
                        days(values, "stale_incident_days", defaults.staleIncidentDays()), owners,
                        names(values, "gate_blocking_severities", defaults.gateBlockingSeverities()),
                        flag(values, "gate_required", defaults.gateRequired()),
                        days(values, "gate_max_age_minutes", defaults.gateMaxAgeMinutes()));
            } catch (IllegalArgumentException e) {
                throw error(node, "policy: " + e.getMessage());
            }
        }

        List<String> names(Map<String, Node> values, String key, List<String> fallback) {
            Node node = values.get(key);
            if (node == null) {
                return fallback;
            }
            if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
                throw error(node, "policy." + key + " must be a non-empty list of names");
            }
            return list.getValue().stream().map(item -> scalar(item, "policy." + key)).toList();
        }

        boolean flag(Map<String, Node> values, String key, boolean fallback) {
            Node node = values.get(key);
            if (node == null) {
                return fallback;
            }
            String text = scalar(node, "policy." + key).trim().toLowerCase(java.util.Locale.ROOT);
            if (!text.equals("true") && !text.equals("false")) {
                throw error(node, "policy." + key + " \"" + text + "\" is not true or false");
            }
            return text.equals("true");
        }

        int days(Map<String, Node> values, String key, int fallback) {
            Node node = values.get(key);
            if (node == null) {
                return fallback;
            }
            String text = scalar(node, "policy." + key);
            try {
                int value = Integer.parseInt(text.trim());
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw error(node, "policy." + key + " \"" + text + "\" is not a whole number of 0 or more");
        }

        List<BigDecimal> numbers(Map<String, Node> values, String key, int count, List<BigDecimal> fallback) {
            Node node = values.get(key);
            if (node == null) {
                return fallback;
            }
            if (!(node instanceof SequenceNode list) || list.getValue().size() != count) {
                throw error(node, "policy.bands." + key + " must be a list of " + count + " numbers");
            }
            return list.getValue().stream().map(item -> number(item, "policy.bands." + key)).toList();
        }

        BigDecimal number(Node node, String key) {
            String text = scalar(node, key);
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw error(node, key + " \"" + text + "\" is not a number");
            }
        }

        ZoneId zone(Node node, String key) {
            String zoneName = scalar(node, key);
            try {
                return ZoneId.of(zoneName.trim());
            } catch (DateTimeException e) {
                throw error(node, key + " \"" + zoneName + "\" is not a time zone (like UTC or Europe/London)");
            }
        }

        SourceSpec source(Node node, Path base) {
            Map<String, Node> source = mapping(node, "a source", SOURCE_KEYS);
            Profile profile = null;
            if (source.containsKey("profile")) {
                try {
                    // a profile that is itself wrong refuses the job file, before any file is read
                    profile = Profile.resolve(scalar(source.get("profile"), "profile"), base);
                } catch (BadInputException e) {
                    throw error(source.get("profile"), e.getMessage());
                }
            }
            Kind kind = profile == null ? null : profile.kind();
            if (source.containsKey("kind") || profile == null) {
                String kindName = required(source, "kind", node);
                try {
                    kind = Kind.of(kindName);
                } catch (BadInputException e) {
                    throw error(source.get("kind"), e.getMessage());
                }
                if (profile != null && kind != profile.kind()) {
                    throw error(source.get("kind"), "kind " + kind.id() + " contradicts profile " + profile.name()
                            + ", which reads " + profile.kind().id() + " (leave kind out)");
                }
            }
            Map<String, String> constants = new LinkedHashMap<>();
            if (source.containsKey("constants")) {
                if (profile == null) {
                    throw error(source.get("constants"), "constants go with a profile");
                }
                Node constantsNode = source.get("constants");
                if (!(constantsNode instanceof MappingNode mappingNode)) {
                    throw error(constantsNode, "constants must be a mapping of field: value");
                }
                for (NodeTuple tuple : mappingNode.getValue()) {
                    String field = scalar(tuple.getKeyNode(), "a constant");
                    Kind of = kind;
                    if (of.fields().stream().noneMatch(f -> f.name().equals(field))) {
                        throw error(tuple.getKeyNode(), "constant \"" + field + "\" is not a field of " + kind.id());
                    }
                    constants.put(field, scalar(tuple.getValueNode(), "constants." + field).trim());
                }
            }
            String path = required(source, "path", node);
            SourceFormat format = null;
            if (source.containsKey("format")) {
                try {
                    format = SourceFormat.of(scalar(source.get("format"), "format"));
                } catch (BadInputException e) {
                    throw error(source.get("format"), e.getMessage());
                }
            }
            // offset-less times: the source's zone, else the profile's, else UTC (DESIGN.md 2.6)
            ZoneId zone = source.containsKey("zone") ? zone(source.get("zone"), "zone")
                    : profile != null && profile.zone() != null ? profile.zone() : ZoneId.of("UTC");
            return new SourceSpec(kind, path, base, format, zone, profile, Map.copyOf(constants));
        }

        Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
            if (!(node instanceof MappingNode mapping)) {
                throw error(node, what + " must be a mapping of keys " + sorted(allowed));
            }
            Map<String, Node> values = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalar(tuple.getKeyNode(), "a key");
                if (!allowed.contains(key)) {
                    throw error(tuple.getKeyNode(), "key \"" + key + "\" in " + what + " is not one of " + sorted(allowed));
                }
                if (values.put(key, tuple.getValueNode()) != null) {
                    throw error(tuple.getKeyNode(), "key \"" + key + "\" appears twice in " + what);
                }
            }
            return values;
        }

        String required(Map<String, Node> values, String key, Node parent) {
            Node node = values.get(key);
            if (node == null) {
                throw error(parent, "key \"" + key + "\" is required");
            }
            String value = scalar(node, key);
            if (value.isBlank()) {
                throw error(node, "key \"" + key + "\" must not be empty");
            }
            return value.trim();
        }

        String scalar(Node node, String key) {
            if (!(node instanceof ScalarNode scalar)) {
                throw error(node, key + " must be a single value");
            }
            return scalar.getValue();
        }

        JobFileException error(Node node, String message) {
            String where = node == null || node.getStartMark() == null ? ""
                    : " line " + (node.getStartMark().getLine() + 1);
            return new JobFileException(file + where + ": " + message);
        }

        static List<String> sorted(Set<String> keys) {
            return keys.stream().sorted().toList();
        }
    }
}
