package com.releaseledger.generate;

import java.util.Arrays;
import java.util.List;

import com.releaseledger.ingest.Field;
import com.releaseledger.ingest.Kind;

/**
 * One record of a kind, set by canonical field name and written in the kind's field order (its CSV header): a
 * field that the kind does not have is a programming error, caught at once.
 */
final class Row {

    private final Kind kind;
    private final String[] values;

    private Row(Kind kind, String[] values) {
        this.kind = kind;
        this.values = values;
    }

    static Row of(Kind kind) {
        String[] values = new String[kind.fields().size()];
        Arrays.fill(values, "");
        return new Row(kind, values);
    }

    /** The header of a kind's file: its canonical field names in order. */
    static String[] header(Kind kind) {
        return kind.fields().stream().map(Field::name).toArray(String[]::new);
    }

    Row set(String field, Object value) {
        values[index(field)] = value == null ? "" : value.toString();
        return this;
    }

    String get(String field) {
        return values[index(field)];
    }

    Kind kind() {
        return kind;
    }

    /** The values in field order, as a CSV record. */
    List<String> values() {
        return List.of(values);
    }

    Row copy() {
        return new Row(kind, values.clone());
    }

    private int index(String field) {
        List<Field> fields = kind.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException(kind.id() + " have no field " + field);
    }
}
