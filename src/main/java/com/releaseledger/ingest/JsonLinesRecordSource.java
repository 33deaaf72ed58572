package com.releaseledger.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Lines: one object per line, keyed by the canonical field names. */
final class JsonLinesRecordSource implements RecordSource {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String file;
    private final Kind kind;
    private final JsonLines lines;
    private final Set<String> ignored = new LinkedHashSet<>();

    JsonLinesRecordSource(String file, Reader reader, Kind kind) {
        this.file = file;
        this.kind = kind;
        this.lines = new JsonLines(file, reader);
    }

    @Override
    public SourceRecord next(long ordinal) {
        String text = lines.next();
        if (text == null) {
            return null;
        }
        long line = lines.line();
        Supplier<String> raw = () -> text;
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            return new SourceRecord(ordinal, line, null, raw, "is " + JsonLines.problem(e));
        }
        if (node == null || !node.isObject()) {
            return new SourceRecord(ordinal, line, null, raw, "is not a JSON object");
        }
        List<Field> fields = kind.fields();
        String[] values = new String[fields.size()];
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            int index = kind.fieldIndex(property.getKey());
            if (index < 0) {
                ignored.add(property.getKey());
                continue;
            }
            JsonNode value = property.getValue();
            if (value.isContainer()) {
                return new SourceRecord(ordinal, line, null, raw,
                        property.getKey() + " is " + (value.isArray() ? "an array" : "an object") + "; expected a value");
            }
            values[index] = value.isNull() ? null : value.asString();
        }
        return new SourceRecord(ordinal, line, values, raw, null);
    }

    @Override
    public Set<String> ignoredColumns() {
        return ignored;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
