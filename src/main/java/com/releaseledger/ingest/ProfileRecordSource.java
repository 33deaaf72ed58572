package com.releaseledger.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.releaseledger.ingest.ProfileSources.Source;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool's export read through its profile (DESIGN.md 2.6): each record of the file (a CSV row, a JSON line, an
 * element of a JSON document's array, streamed one at a time) becomes the canonical values of the profile's kind,
 * which then go through validation like any canonical file's. A value that no map takes makes the record a rejected
 * row naming the raw value, the field, the profile and what was expected; a required column the file lacks refuses
 * it whole.
 */
final class ProfileRecordSource implements RecordSource {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** For a JSON document: one element at a time out of its array, the rest following. */
    private static final tools.jackson.databind.ObjectReader ELEMENT = JSON.readerFor(Object.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String file;
    private final Profile profile;
    private final Map<String, String> constants;
    private final List<Field> fields;
    private final List<Integer> order = new ArrayList<>();
    private final Set<String> ignored = new LinkedHashSet<>();
    private final Reader reader;
    private final Profile.Format format;
    // CSV
    private CSVParser csv;
    private java.util.Iterator<CSVRecord> csvRecords;
    private Map<String, List<Integer>> columns;
    private int columnCount;
    // JSON Lines
    private JsonLines lines;
    // JSON document
    private JsonParser document;

    ProfileRecordSource(String file, Reader reader, Profile profile, Map<String, String> constants) throws IOException {
        this.file = file;
        this.profile = profile;
        this.constants = constants;
        this.reader = reader;
        this.fields = profile.kind().fields();
        // values that read canonical ones (templates, conditions) come after those
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < fields.size(); i++) {
                Source source = profile.fields().get(fields.get(i).name());
                if (source != null && source.readsCanonical() == (pass == 1)) {
                    order.add(i);
                }
            }
        }
        format = profile.formatOf(Path.of(file));
        switch (format) {
            case CSV -> openCsv();
            case JSONL -> lines = new JsonLines(file, reader);
            default -> openDocument();
        }
    }

    private void openCsv() throws IOException {
        csv = CSVParser.builder().setReader(reader).setFormat(CsvRecordSource.FORMAT).get();
        csvRecords = csv.iterator();
        CSVRecord header = nextCsv(1);
        if (header == null || (header.size() == 1 && header.get(0).isBlank())) {
            throw new MalformedSourceException(file, 1, "no header row (profile " + profile.name() + ")");
        }
        columnCount = header.size();
        columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            columns.computeIfAbsent(name, key -> new ArrayList<>()).add(i);
        }
        Set<String> named = new LinkedHashSet<>();
        collectColumns(profile.fields().values(), named);
        for (String column : columns.keySet()) {
            if (!named.contains(column)) {
                ignored.add(column);
            }
        }
        List<String> missing = new ArrayList<>();
        requiredColumns(profile.fields().values(), missing);
        if (!missing.isEmpty()) {
            throw new MalformedSourceException(file, 1, "the header lacks the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " that profile " + profile.name() + " requires");
        }
    }

    private void collectColumns(Iterable<Source> sources, Set<String> named) {
        for (Source source : sources) {
            if (source instanceof ProfileSources.Column column) {
                named.addAll(column.names());
            } else {
                collectColumns(inner(source), named);
            }
        }
    }

    private void requiredColumns(Iterable<Source> sources, List<String> missing) {
        for (Source source : sources) {
            if (source instanceof ProfileSources.Column column) {
                if (column.required() && column.names().stream().noneMatch(columns::containsKey)) {
                    missing.add(String.join(" / ", column.names()));
                }
            } else {
                requiredColumns(inner(source), missing);
            }
        }
    }

    /** The sources a source is made of. */
    private static List<Source> inner(Source source) {
        if (source instanceof ProfileSources.First first) {
            return first.sources();
        }
        if (source instanceof ProfileSources.Mapped mapped) {
            return List.of(mapped.source());
        }
        if (source instanceof ProfileSources.Template template) {
            return List.copyOf(template.with().values());
        }
        if (source instanceof ProfileSources.PlusSeconds plus) {
            return List.of(plus.timestamp(), plus.seconds());
        }
        return List.of();
    }

    private void openDocument() {
        try {
            document = JSON.createParser(reader);
            JsonToken first = document.nextToken();
            if (first == JsonToken.START_OBJECT && profile.recordsKey() != null) {
                // an API response: find the array of records under its key, skipping the other keys
                while (true) {
                    JsonToken token = document.nextToken();
                    if (token == JsonToken.END_OBJECT || token == null) {
                        throw new MalformedSourceException(file, document.currentTokenLocation().getLineNr(),
                                "no key \"" + profile.recordsKey() + "\" holding the records (profile "
                                        + profile.name() + ")");
                    }
                    String key = document.currentName();
                    JsonToken value = document.nextToken();
                    if (profile.recordsKey().equals(key) && value == JsonToken.START_ARRAY) {
                        return;
                    }
                    document.skipChildren();
                }
            }
            if (first != JsonToken.START_ARRAY) {
                throw new MalformedSourceException(file, 1, "expected a JSON array of records"
                        + (profile.recordsKey() == null ? "" : " or an object holding one under \""
                        + profile.recordsKey() + "\"") + " (profile " + profile.name() + ")");
            }
        } catch (JacksonException e) {
            throw new MalformedSourceException(file, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    JsonLines.problem(e));
        }
    }

    /** Records made from one JSON record by its expansions, still to hand out. */
    private final java.util.ArrayDeque<Expanded> pending = new java.util.ArrayDeque<>();

    private record Expanded(long line, Map<String, Object> scopes, Supplier<String> raw) {
    }

    @Override
    public SourceRecord next(long ordinal) {
        if (!pending.isEmpty()) {
            Expanded next = pending.poll();
            return expandedRecord(ordinal, next);
        }
        return switch (format) {
            case CSV -> nextCsvRecord(ordinal);
            case JSONL -> nextJsonLine(ordinal);
            default -> nextDocumentRecord(ordinal);
        };
    }

    // ---- CSV ----

    private SourceRecord nextCsvRecord(long ordinal) {
        CsvRecordSource.Line line = CsvRecordSource.nextLine(csvRecords, csv, file);
        if (line == null) {
            return null;
        }
        if (line.record().size() != columnCount) {
            return line.wrongWidth(ordinal, columnCount);
        }
        CSVRecord record = line.record();
        ProfileSources.Record row = new Row() {
            @Override
            public String column(List<String> names) {
                for (String name : names) {
                    List<Integer> at = columns.get(name);
                    if (at != null) {
                        return cell(record, at);
                    }
                }
                return null;
            }
        };
        return map(ordinal, line.number(), row, line.raw());
    }

    /** A header's cell; a repeated header gives its first non-empty cell, or all non-empty joined with ";". */
    private String cell(CSVRecord record, List<Integer> at) {
        if (at.size() == 1) {
            return record.get(at.get(0));
        }
        List<String> values = new ArrayList<>();
        for (int column : at) {
            String value = record.get(column).strip();
            if (!value.isEmpty()) {
                if (!profile.joinRepeated()) {
                    return value;
                }
                values.add(value);
            }
        }
        return values.isEmpty() ? null : String.join(";", values);
    }

    private CSVRecord nextCsv(long line) {
        return CsvRecordSource.next(csvRecords, csv, file, line);
    }

    // ---- JSON ----

    private SourceRecord nextJsonLine(long ordinal) {
        String text = lines.next();
        if (text == null) {
            return null;
        }
        long lineNo = lines.line();
        Supplier<String> raw = () -> text;
        Object value;
        try {
            value = JSON.readValue(text, Object.class);
        } catch (JacksonException e) {
            return new SourceRecord(ordinal, lineNo, null, raw, "is " + JsonLines.problem(e));
        }
        return jsonRecord(ordinal, lineNo, value, raw);
    }

    private SourceRecord nextDocumentRecord(long ordinal) {
        try {
            JsonToken token = document.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return null;
            }
            long line = document.currentTokenLocation().getLineNr();
            Object value = ELEMENT.readValue(document);
            return jsonRecord(ordinal, line, value, () -> JSON.writeValueAsString(value));
        } catch (JacksonException e) {
            throw new MalformedSourceException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    JsonLines.problem(e));
        }
    }

    @SuppressWarnings("unchecked")
    private SourceRecord jsonRecord(long ordinal, long line, Object value, Supplier<String> raw) {
        if (!(value instanceof Map<?, ?> object)) {
            return new SourceRecord(ordinal, line, null, raw, "is not a JSON object");
        }
        Map<String, Object> record = (Map<String, Object>) object;
        for (String key : profile.jsonStrings()) {
            // a value the API accepts either as an object or as a string holding one (GitHub's payload)
            if (record.get(key) instanceof String text) {
                Object parsed = null;
                try {
                    parsed = JSON.readValue(text, Object.class);
                } catch (JacksonException e) {
                    // another string: ignored
                }
                record.put(key, parsed instanceof Map ? parsed : null);
            }
        }
        if (!profile.expand().isEmpty()) {
            return expand(ordinal, line, record, raw);
        }
        ProfileSources.Record row = new Row() {
            @Override
            public Object scope(String name) {
                return ProfileSources.ROOT.equals(name) ? record : null;
            }
        };
        return map(ordinal, line, row, raw);
    }

    /**
     * One record per element of the innermost expansion (jsm-approval: per approver of each approval of the line),
     * each seeing the line's record and the elements it lies in; all keep the line. A line whose lists are empty
     * makes no record.
     */
    private SourceRecord expand(long ordinal, long line, Map<String, Object> record, Supplier<String> raw) {
        List<Map<String, Object>> scopes = new ArrayList<>();
        Map<String, Object> root = new HashMap<>();
        root.put(ProfileSources.ROOT, record);
        scopes.add(root);
        for (ProfileSources.Expansion expansion : profile.expand()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> scope : scopes) {
                if (ProfileSources.read(scope.get(expansion.in()), expansion.list()) instanceof List<?> elements) {
                    for (Object element : elements) {
                        Map<String, Object> inner = new HashMap<>(scope);
                        inner.put(expansion.name(), element);
                        next.add(inner);
                    }
                }
            }
            scopes = next;
        }
        idsOfLine.clear();
        for (Map<String, Object> scope : scopes) {
            pending.add(new Expanded(line, scope, raw));
        }
        Expanded first = pending.poll();
        return first == null ? next(ordinal) : expandedRecord(ordinal, first);
    }

    /** The ids of the records made from the current line so far: the same id twice on a line is a rejected row. */
    private final Set<String> idsOfLine = new java.util.HashSet<>();

    private SourceRecord expandedRecord(long ordinal, Expanded expanded) {
        ProfileSources.Record row = new Row() {
            @Override
            public Object scope(String name) {
                return expanded.scopes().get(name);
            }
        };
        SourceRecord mapped = map(ordinal, expanded.line(), row, expanded.raw());
        String id = mapped.values() == null ? null : mapped.values()[0];
        if (id != null && !idsOfLine.add(id)) {
            return new SourceRecord(ordinal, expanded.line(), null, expanded.raw(), profile.kind().idField().name()
                    + " \"" + id + "\" is made twice from this line (profile " + profile.name() + ")");
        }
        return mapped;
    }

    // ---- mapping ----

    /** A record's canonical values, worked out in order; templates and conditions see the ones before. */
    private abstract static class Row implements ProfileSources.Record {
        final Map<String, String> canonical = new HashMap<>();

        @Override
        public String column(List<String> names) {
            return null;
        }

        @Override
        public Object scope(String name) {
            return null;
        }

        @Override
        public String canonical(String field) {
            return canonical.get(field);
        }
    }

    private SourceRecord map(long ordinal, long line, ProfileSources.Record record, Supplier<String> raw) {
        Row row = (Row) record;
        String[] values = new String[fields.size()];
        for (int index : order) {
            Field field = fields.get(index);
            String value;
            try {
                value = profile.fields().get(field.name()).value(record);
            } catch (ProfileSources.UnmappedValueException e) {
                return new SourceRecord(ordinal, line, null, raw, e.getMessage());
            } catch (RuntimeException e) {
                return new SourceRecord(ordinal, line, null, raw, field.name() + ": " + e.getMessage()
                        + " (profile " + profile.name() + ")");
            }
            if (value != null && field.type() == Field.Type.TIMESTAMP) {
                String iso = profile.timestamps().iso(value);
                if (iso == null) {
                    return new SourceRecord(ordinal, line, null, raw, field.name() + " \"" + value
                            + "\" matches none of profile " + profile.name() + "'s timestamp patterns "
                            + profile.timestamps().patterns() + " nor ISO-8601");
                }
                value = iso;
            }
            if (value != null && field.type() == Field.Type.ENUM) {
                value = value.toLowerCase(Locale.ROOT);
            }
            values[index] = value;
            row.canonical.put(field.name(), value);
        }
        // a constant of the job source fills a field the record left empty; the record's own value wins
        for (Map.Entry<String, String> constant : constants.entrySet()) {
            int index = profile.kind().fieldIndex(constant.getKey());
            if (index >= 0 && values[index] == null) {
                values[index] = constant.getValue();
            }
        }
        return new SourceRecord(ordinal, line, values, raw, null);
    }

    @Override
    public Set<String> ignoredColumns() {
        return ignored;
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
        if (document != null) {
            document.close();
        }
        reader.close();
    }
}
