package com.releaseledger.ingest;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.releaseledger.ingest.ProfileSources.Source;
import com.releaseledger.kernel.BadInputException;

/**
 * Reads a profile's YAML strictly: an unknown key, an unknown canonical field, a bad timestamp pattern, JSON path or
 * regular expression, or a map that is not defined refuses the profile, naming its line and what was expected.
 */
final class ProfileReader {

    /** The shipped profiles (DESIGN.md 2.6), in {@code jobs/profiles/}. */
    static final List<String> SHIPPED_NAMES = List.of("servicenow-change", "servicenow-approval",
            "servicenow-incident", "jsm-change", "jsm-approval", "jsm-incident", "pagerduty-incident",
            "pagerduty-analytics", "github-deployment", "gitlab-deployment");

    private static final Set<String> TOP = Set.of("profile", "description", "kind", "format", "records", "zone",
            "repeated_headers", "expand", "json_strings", "timestamps", "maps", "fields");
    private static final Set<String> SOURCE = Set.of("column", "required", "path", "in", "constant", "template",
            "with", "first", "pick", "plus_seconds", "map", "fallback", "when", "if", "default");
    private static final Set<String> PRIMARY = Set.of("column", "path", "constant", "template", "first", "pick");
    private static final Set<String> PICK = Set.of("list", "in", "order", "by", "tie", "where", "value");
    private static final Set<String> EXPAND = Set.of("name", "list", "in");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    private final String source;
    private final String text;
    private Kind kind;
    private String name = "?";
    private ProfileTimestamps timestamps;
    private final Map<String, Map<String, String>> maps = new LinkedHashMap<>();
    private final Set<String> scopes = new LinkedHashSet<>(List.of(ProfileSources.ROOT));

    private ProfileReader(String text, String source) {
        this.text = text;
        this.source = source;
    }

    static Profile read(String text, String source, String sha256) {
        return new ProfileReader(text, source).profile(sha256);
    }

    private Profile profile(String sha256) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (YAMLException e) {
            throw new BadInputException("profile " + source + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (root == null) {
            throw new BadInputException("profile " + source + ": empty");
        }
        Map<String, Node> top = mapping(root, "a profile", TOP);
        name = required(top, "profile", root);
        String kindName = required(top, "kind", root);
        try {
            kind = Kind.of(kindName);
        } catch (BadInputException e) {
            throw error(top.get("kind"), e.getMessage());
        }
        Profile.Format format = switch (required(top, "format", root).toLowerCase(Locale.ROOT)) {
            case "csv" -> Profile.Format.CSV;
            case "jsonl" -> Profile.Format.JSONL;
            case "json" -> Profile.Format.JSON;
            default -> throw error(top.get("format"), "format must be one of [csv, json, jsonl]");
        };
        String records = top.containsKey("records") ? scalar(top.get("records"), "records").trim() : null;
        ZoneId zone = null;
        if (top.containsKey("zone")) {
            try {
                zone = ZoneId.of(scalar(top.get("zone"), "zone").trim());
            } catch (DateTimeException e) {
                throw error(top.get("zone"), "zone \"" + scalar(top.get("zone"), "zone") + "\" is not a time zone");
            }
        }
        boolean join = false;
        if (top.containsKey("repeated_headers")) {
            String repeated = scalar(top.get("repeated_headers"), "repeated_headers").trim();
            if (!repeated.equals("first") && !repeated.equals("join")) {
                throw error(top.get("repeated_headers"), "repeated_headers must be first or join");
            }
            join = repeated.equals("join");
        }
        List<String> patterns = top.containsKey("timestamps") ? strings(top.get("timestamps"), "timestamps") : List.of();
        try {
            timestamps = new ProfileTimestamps(patterns);
        } catch (IllegalArgumentException e) {
            throw error(top.get("timestamps"), "a timestamp pattern is not valid: " + e.getMessage());
        }
        List<ProfileSources.Expansion> expand = new ArrayList<>();
        if (top.containsKey("expand")) {
            for (Node item : sequence(top.get("expand"), "expand")) {
                Map<String, Node> e = mapping(item, "an expansion", EXPAND);
                String in = e.containsKey("in") ? scope(e.get("in")) : ProfileSources.ROOT;
                ProfileSources.Expansion expansion = new ProfileSources.Expansion(required(e, "name", item), in, path(e.get("list"), "list", item));
                scopes.add(expansion.name());
                expand.add(expansion);
            }
        }
        List<String> jsonStrings = top.containsKey("json_strings") ? strings(top.get("json_strings"), "json_strings")
                : List.of();
        if (top.containsKey("maps")) {
            for (NodeTuple tuple : mappingNode(top.get("maps"), "maps").getValue()) {
                maps.put(scalar(tuple.getKeyNode(), "a map name"), valueMap(tuple.getValueNode()));
            }
        }
        Node fieldsNode = top.get("fields");
        if (fieldsNode == null) {
            throw error(root, "key \"fields\" is required");
        }
        Map<String, Source> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode(fieldsNode, "fields").getValue()) {
            String fieldName = scalar(tuple.getKeyNode(), "a field name");
            Field field = kind.fields().stream().filter(f -> f.name().equals(fieldName)).findFirst()
                    .orElseThrow(() -> error(tuple.getKeyNode(), "\"" + fieldName + "\" is not a field of "
                            + kind.id() + ": " + kind.fields().stream().map(Field::name).toList()));
            if (fields.put(fieldName, source(tuple.getValueNode(), field, fieldName)) != null) {
                throw error(tuple.getKeyNode(), "field " + fieldName + " appears twice");
            }
        }
        if ((format == Profile.Format.CSV) != expand.isEmpty() && !expand.isEmpty()) {
            throw error(top.get("expand"), "expand is for JSON records, not CSV");
        }
        return new Profile(name, kind, format, records, join, zone, List.copyOf(expand), List.copyOf(jsonStrings),
                fields, source, sha256, timestamps);
    }

    /** One source of a value, with its map, fallback and conditions. */
    private Source source(Node node, Field field, String where) {
        if (node instanceof ScalarNode) {
            throw error(node, where + " must be a mapping such as {column: [name, Label]} or {path: $.key}");
        }
        Map<String, Node> spec = mapping(node, where, SOURCE);
        List<String> primaries = spec.keySet().stream().filter(PRIMARY::contains).toList();
        if (primaries.size() != 1) {
            throw error(node, where + " needs exactly one of " + new TreeSet<>(PRIMARY) + ", not " + primaries);
        }
        Source primary = switch (primaries.get(0)) {
            case "column" -> new ProfileSources.Column(strings(spec.get("column"), "column"),
                    spec.containsKey("required") && bool(spec.get("required"), "required"));
            case "path" -> {
                String in = spec.containsKey("in") ? scope(spec.get("in")) : ProfileSources.ROOT;
                JsonPath compiled = path(spec.get("path"), "path", node);
                yield new ProfileSources.PathValue(in, scalar(spec.get("path"), "path"), compiled);
            }
            case "constant" -> new ProfileSources.Constant(scalar(spec.get("constant"), "constant"));
            case "template" -> template(spec, field, where);
            case "first" -> {
                List<Source> sources = new ArrayList<>();
                for (Node item : sequence(spec.get("first"), "first")) {
                    sources.add(source(item, field, where + " (first)"));
                }
                yield new ProfileSources.First(sources);
            }
            default -> pick(spec.get("pick"));
        };
        if (spec.containsKey("plus_seconds")) {
            primary = new ProfileSources.PlusSeconds(primary, source(spec.get("plus_seconds"), field,
                    where + " (plus_seconds)"), timestamps);
        }
        Source result = primary;
        if (spec.containsKey("map") || spec.containsKey("fallback") || spec.containsKey("when")
                || spec.containsKey("if")) {
            Map<String, String> map = Map.of();
            if (spec.containsKey("map")) {
                Node mapNode = spec.get("map");
                if (mapNode instanceof ScalarNode scalar) {
                    map = maps.get(scalar.getValue());
                    if (map == null) {
                        throw error(mapNode, "map \"" + scalar.getValue() + "\" is not defined under maps: "
                                + maps.keySet());
                    }
                } else {
                    map = valueMap(mapNode);
                }
            }
            Map<String, String> exact = new LinkedHashMap<>();
            List<Map.Entry<Pattern, String>> patterns = new ArrayList<>();
            for (Map.Entry<String, String> entry : map.entrySet()) {
                if (entry.getKey().startsWith("~")) {
                    try {
                        patterns.add(Map.entry(Pattern.compile(entry.getKey().substring(1), Pattern.CASE_INSENSITIVE),
                                entry.getValue()));
                    } catch (PatternSyntaxException e) {
                        throw error(spec.get("map"), "map key " + entry.getKey() + " is not a regular expression: "
                                + e.getDescription());
                    }
                } else {
                    exact.put(entry.getKey(), entry.getValue());
                }
            }
            String fallback = spec.containsKey("fallback") ? scalar(spec.get("fallback"), "fallback").trim() : null;
            Set<String> when = spec.containsKey("when") ? lowered(strings(spec.get("when"), "when")) : null;
            String ifField = null;
            Set<String> ifValues = Set.of();
            if (spec.containsKey("if")) {
                MappingNode condition = mappingNode(spec.get("if"), "if");
                if (condition.getValue().size() != 1) {
                    throw error(spec.get("if"), "if names one field and its values: {decision: [approved]}");
                }
                ifField = scalar(condition.getValue().get(0).getKeyNode(), "if");
                String named = ifField;
                if (kind.fields().stream().noneMatch(f -> f.name().equals(named))) {
                    throw error(spec.get("if"), "if: \"" + ifField + "\" is not a field of " + kind.id());
                }
                ifValues = lowered(strings(condition.getValue().get(0).getValueNode(), "if"));
            }
            result = new ProfileSources.Mapped(primary, describe(spec), exact, patterns, fallback, when, ifField,
                    ifValues, field, name);
        }
        if (spec.containsKey("default")) {
            result = new ProfileSources.First(List.of(result,
                    new ProfileSources.Constant(scalar(spec.get("default"), "default"))));
        }
        return result;
    }

    private Source template(Map<String, Node> spec, Field field, String where) {
        String template = scalar(spec.get("template"), "template");
        Map<String, Source> with = new LinkedHashMap<>();
        if (spec.containsKey("with")) {
            for (NodeTuple tuple : mappingNode(spec.get("with"), "with").getValue()) {
                with.put(scalar(tuple.getKeyNode(), "a template value"),
                        source(tuple.getValueNode(), field, where + " (template value)"));
            }
        }
        List<String> placeholders = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String placeholder = matcher.group(1);
            if (!with.containsKey(placeholder) && kind.fields().stream().noneMatch(f -> f.name().equals(placeholder))) {
                throw error(spec.get("template"), "template placeholder {" + placeholder + "} is neither a value of"
                        + " \"with\" nor a field of " + kind.id());
            }
            placeholders.add(placeholder);
        }
        return new ProfileSources.Template(template, placeholders, with);
    }

    private Source pick(Node node) {
        Map<String, Node> spec = mapping(node, "pick", PICK);
        ProfileSources.Order order;
        try {
            order = ProfileSources.Order.valueOf(required(spec, "order", node).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(spec.get("order"), "pick order must be one of [first, last, earliest, latest, join]");
        }
        String by = spec.containsKey("by") ? scalar(spec.get("by"), "by").trim() : null;
        if ((order == ProfileSources.Order.EARLIEST || order == ProfileSources.Order.LATEST) && by == null) {
            throw error(node, "pick order " + order.name().toLowerCase(Locale.ROOT) + " needs \"by\": the time field");
        }
        String whereField = null;
        Set<String> whereValues = Set.of();
        if (spec.containsKey("where")) {
            MappingNode where = mappingNode(spec.get("where"), "where");
            if (where.getValue().size() != 1) {
                throw error(spec.get("where"), "where names one field and its values: {state: [success]}");
            }
            whereField = scalar(where.getValue().get(0).getKeyNode(), "where");
            whereValues = lowered(strings(where.getValue().get(0).getValueNode(), "where"));
        }
        return new ProfileSources.Pick(spec.containsKey("in") ? scope(spec.get("in")) : ProfileSources.ROOT,
                path(spec.get("list"), "list", node), order, by,
                spec.containsKey("tie") ? scalar(spec.get("tie"), "tie").trim() : null, whereField, whereValues,
                required(spec, "value", node), timestamps);
    }

    private String describe(Map<String, Node> spec) {
        if (spec.containsKey("column")) {
            return "column " + String.join(" / ", strings(spec.get("column"), "column"));
        }
        if (spec.containsKey("path")) {
            return "path " + scalar(spec.get("path"), "path");
        }
        return spec.keySet().stream().filter(PRIMARY::contains).findFirst().orElse("source");
    }

    private Map<String, String> valueMap(Node node) {
        Map<String, String> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode(node, "a value map").getValue()) {
            String key = scalar(tuple.getKeyNode(), "a map key").strip();
            map.put(key.startsWith("~") ? key : key.toLowerCase(Locale.ROOT),
                    scalar(tuple.getValueNode(), "a map value").strip());
        }
        return map;
    }

    private String scope(Node node) {
        String scope = scalar(node, "in").trim();
        if (!scopes.contains(scope)) {
            throw error(node, "in: \"" + scope + "\" is not $ nor an expansion defined above: " + scopes);
        }
        return scope;
    }

    private JsonPath path(Node node, String what, Node parent) {
        if (node == null) {
            throw error(parent, "key \"" + what + "\" is required");
        }
        String path = scalar(node, what).trim();
        try {
            return JsonPath.compile(path);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw error(node, what + " \"" + path + "\" is not a JSON path: " + e.getMessage());
        }
    }

    // ---- YAML helpers ----

    private Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode(node, what).getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "key \"" + key + "\" in " + what + " is not one of "
                        + new TreeSet<>(allowed));
            }
            if (values.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), "key \"" + key + "\" appears twice in " + what);
            }
        }
        return values;
    }

    private MappingNode mappingNode(Node node, String what) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping");
        }
        return mapping;
    }

    private List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw error(node, what + " must be a non-empty list");
        }
        return list.getValue();
    }

    private List<String> strings(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        return sequence(node, what).stream().map(item -> scalar(item, what)).toList();
    }

    private boolean bool(Node node, String what) {
        String value = scalar(node, what).trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw error(node, what + " must be true or false");
        }
        return value.equals("true");
    }

    private String required(Map<String, Node> values, String key, Node parent) {
        Node node = values.get(key);
        if (node == null) {
            throw error(parent, "key \"" + key + "\" is required");
        }
        String value = scalar(node, key).trim();
        if (value.isEmpty()) {
            throw error(node, "key \"" + key + "\" must not be empty");
        }
        return value;
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value");
        }
        return scalar.getValue();
    }

    private static Set<String> lowered(List<String> values) {
        Set<String> set = new LinkedHashSet<>();
        values.forEach(value -> set.add(value.strip().toLowerCase(Locale.ROOT)));
        return set;
    }

    private BadInputException error(Node node, String message) {
        return new BadInputException("profile " + source + (node == null ? "" : " line "
                + (node.getStartMark().getLine() + 1)) + ": " + message);
    }
}
