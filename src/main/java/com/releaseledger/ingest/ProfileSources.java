package com.releaseledger.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;

/**
 * Where a profile's canonical values come from (DESIGN.md 2.6), and how each is worked out for one record: a column
 * (the first of several header names present in the file), a JSON path into the record (or into an element of one of
 * its nested lists), a constant, a template over other values, the first non-empty of several sources, one element
 * picked from a list (first, last, earliest or latest by a field, only elements whose field is in a set) or all of
 * them joined, and a timestamp plus a number of seconds; each with an optional value map, fallback and condition.
 */
public final class ProfileSources {

    private ProfileSources() {
    }

    /** JSON paths over records parsed into maps and lists; a missing key is empty, never an error. */
    static final Configuration JSON_PATHS = Configuration.builder().jsonProvider(new JsonSmartJsonProvider())
            .options(Option.SUPPRESS_EXCEPTIONS, Option.DEFAULT_PATH_LEAF_TO_NULL).build();

    /** The root of a JSON record, as {@code in:} names it. */
    static final String ROOT = "$";

    /** A nested list of a JSON record whose every element makes one record ({@code name} in field paths). */
    record Expansion(String name, String in, JsonPath list) {
    }

    /** One record being mapped: its raw values and the canonical values worked out so far. */
    interface Record {
        /** CSV: the cell under the first of these headers the file has (null when it has none of them). */
        String column(List<String> names);

        /** JSON: the record itself ({@code $}) or the element of an expansion by its name. */
        Object scope(String name);

        /** A canonical value already worked out (after its map), or null. */
        String canonical(String field);
    }

    /** A value that no map entry, canonical value or fallback takes: the row is rejected with this reason. */
    static final class UnmappedValueException extends RuntimeException {
        UnmappedValueException(String reason) {
            super(reason);
        }
    }

    /** A source of one value. */
    public sealed interface Source permits Column, PathValue, Constant, Template, First, Pick, PlusSeconds, Mapped {
        /** The value's text (trimmed), or null when it is empty. */
        String value(Record record);

        /** Whether working it out reads canonical values of other fields (so it comes after them). */
        default boolean readsCanonical() {
            return false;
        }
    }

    record Column(List<String> names, boolean required) implements Source {
        @Override
        public String value(Record record) {
            return trimmed(record.column(names));
        }
    }

    /**
     * A JSON path into the record. A plain chain of keys ({@code $.service.summary}) is followed directly, which is
     * several times faster than a general path evaluation; anything else goes to Jayway JsonPath.
     */
    record PathValue(String in, String path, JsonPath compiled, String[] keys) implements Source {

        private static final Pattern KEYS = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+");

        PathValue(String in, String path, JsonPath compiled) {
            this(in, path, compiled, KEYS.matcher(path).matches() ? path.substring(2).split("\\.") : null);
        }

        @Override
        public String value(Record record) {
            Object scope = record.scope(in);
            if (keys == null) {
                return text(read(scope, compiled));
            }
            Object current = scope;
            for (String key : keys) {
                if (!(current instanceof Map<?, ?> object)) {
                    return null;
                }
                current = object.get(key);
            }
            return text(current);
        }
    }

    record Constant(String text) implements Source {
        @Override
        public String value(Record record) {
            return trimmed(text);
        }
    }

    /**
     * {@code "{a}/{b}"}: each placeholder is a value of {@code with} or, when {@code with} does not name it, a
     * canonical field of the record. Empty when every placeholder is empty.
     */
    record Template(String template, List<String> placeholders, Map<String, Source> with) implements Source {
        @Override
        public String value(Record record) {
            String result = template;
            boolean any = false;
            for (String placeholder : placeholders) {
                Source source = with.get(placeholder);
                String value = source != null ? source.value(record) : record.canonical(placeholder);
                any |= value != null;
                result = result.replace("{" + placeholder + "}", value == null ? "" : value);
            }
            return any ? trimmed(result) : null;
        }

        @Override
        public boolean readsCanonical() {
            return placeholders.stream().anyMatch(p -> !with.containsKey(p))
                    || with.values().stream().anyMatch(Source::readsCanonical);
        }
    }

    /** The first source whose value is non-empty; only that value goes through its own map. */
    record First(List<Source> sources) implements Source {
        @Override
        public String value(Record record) {
            for (Source source : sources) {
                String value = source.value(record);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        @Override
        public boolean readsCanonical() {
            return sources.stream().anyMatch(Source::readsCanonical);
        }
    }

    /** How a list is reduced. */
    enum Order { FIRST, LAST, EARLIEST, LATEST, JOIN }

    /**
     * One element of a list (or all joined with {@code ;}): only the elements whose {@code whereField} is in
     * {@code whereValues} (when set), ordered by {@code by} (a time; ties by {@code tie}, as numbers when both are),
     * and of the chosen element the value at {@code value}.
     */
    record Pick(String in, JsonPath list, Order order, String by, String tie, String whereField,
            Set<String> whereValues, String value, ProfileTimestamps timestamps) implements Source {
        @Override
        public String value(Record record) {
            Object items = read(record.scope(in), list);
            if (!(items instanceof List<?> elements)) {
                return null;
            }
            List<Object> kept = new ArrayList<>();
            for (Object element : elements) {
                if (whereField == null || whereValues.contains(lower(text(field(element, whereField))))) {
                    kept.add(element);
                }
            }
            if (kept.isEmpty()) {
                return null;
            }
            if (order == Order.JOIN) {
                List<String> texts = kept.stream().map(e -> trimmed(text(field(e, value)))).filter(v -> v != null)
                        .toList();
                return texts.isEmpty() ? null : String.join(";", texts);
            }
            Object chosen = switch (order) {
                case FIRST -> kept.get(0);
                case LAST -> kept.get(kept.size() - 1);
                default -> ordered(kept);
            };
            return trimmed(text(field(chosen, value)));
        }

        /** The earliest or latest element by its time (each parsed once), ties broken by {@code tie}. */
        private Object ordered(List<Object> kept) {
            if (kept.size() == 1) {
                return kept.get(0);
            }
            Comparator<Map.Entry<Instant, Object>> byTime = Comparator.comparing(Map.Entry::getKey,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            Comparator<Map.Entry<Instant, Object>> ordering = tie == null ? byTime : byTime.thenComparing(
                    (a, b) -> compareNumbersOrText(text(field(a.getValue(), tie)), text(field(b.getValue(), tie))));
            List<Map.Entry<Instant, Object>> timed = new ArrayList<>();
            for (Object element : kept) {
                timed.add(new java.util.AbstractMap.SimpleImmutableEntry<>(instant(text(field(element, by))), element));
            }
            return (order == Order.EARLIEST ? timed.stream().min(ordering) : timed.stream().max(ordering))
                    .orElseThrow().getValue();
        }

        private Instant instant(String text) {
            return text == null ? null : timestamps.instant(text.trim());
        }
    }

    /** A timestamp plus a number of seconds (fractions kept); empty when either is. */
    record PlusSeconds(Source timestamp, Source seconds, ProfileTimestamps timestamps) implements Source {
        @Override
        public String value(Record record) {
            String at = timestamp.value(record);
            String plus = seconds.value(record);
            if (at == null || plus == null) {
                return null;
            }
            return timestamps.plusSeconds(at, new BigDecimal(plus));
        }

        @Override
        public boolean readsCanonical() {
            return timestamp.readsCanonical() || seconds.readsCanonical();
        }
    }

    /**
     * A source with its value map (keys lower case; a key written {@code ~regex} matches by search, in any case),
     * what to use when no entry matches ({@code fallback}; null: the raw value goes on if it is canonical for the
     * field, else the row is rejected), a condition on its own raw value ({@code when}) or on another canonical
     * field ({@code ifField} in {@code ifValues}).
     */
    record Mapped(Source source, String description, Map<String, String> map, List<Map.Entry<Pattern, String>> patterns,
            String fallback, Set<String> when, String ifField, Set<String> ifValues, Field field, String profile)
            implements Source {
        @Override
        public String value(Record record) {
            if (ifField != null && !ifValues.contains(lower(record.canonical(ifField)))) {
                return null;
            }
            String raw = source.value(record);
            if (raw == null || (when != null && !when.contains(lower(raw)))) {
                return null;
            }
            if (map.isEmpty() && patterns.isEmpty()) {
                return raw;
            }
            String mapped = map.get(lower(raw));
            if (mapped == null) {
                for (Map.Entry<Pattern, String> pattern : patterns) {
                    if (pattern.getKey().matcher(raw).find()) {
                        mapped = pattern.getValue();
                        break;
                    }
                }
            }
            if (mapped != null) {
                return mapped.isEmpty() ? null : mapped;
            }
            if (field.accepts(raw)) {
                return raw;
            }
            if (fallback != null) {
                return fallback.isEmpty() ? null : fallback;
            }
            throw new UnmappedValueException(field.name() + " \"" + raw + "\" (" + description + ") is not in the map of"
                    + " profile " + profile + ": expected one of " + map.keySet()
                    + (field.allowed().isEmpty() ? "" : " or a canonical value " + field.allowed()));
        }

        @Override
        public boolean readsCanonical() {
            return ifField != null || source.readsCanonical();
        }
    }

    // ---- JSON values ----

    static Object read(Object scope, JsonPath path) {
        if (scope == null) {
            return null;
        }
        return path.read(scope, JSON_PATHS);
    }

    /** A key (or dotted keys) of a JSON object element. */
    private static Object field(Object element, String dotted) {
        Object current = element;
        for (String key : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(key);
        }
        return current;
    }

    /** A JSON value as text: a string as it is, a number or boolean as JSON writes it; objects and lists are empty. */
    static String text(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return null;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value.toString();
    }

    private static int compareNumbersOrText(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        try {
            return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim()));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
