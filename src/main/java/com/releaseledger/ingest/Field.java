package com.releaseledger.ingest;

import java.util.List;
import java.util.Locale;

/**
 * One canonical input field: its name, its type and what a valid value is.
 *
 * @param name      canonical field name (a CSV header or a JSON key)
 * @param type      how the text is parsed
 * @param required  whether an empty value rejects the row
 * @param allowed   for {@link Type#ENUM}: the canonical values, lower case
 * @param min       for {@link Type#INTEGER}: the smallest valid value
 * @param max       for {@link Type#INTEGER}: the largest valid value
 * @param fallback  the value stored when the field is empty (or, when lenient, invalid)
 * @param lenient   an invalid value is ignored (fallback stored, a data-quality note kept) instead of rejecting the row
 */
public record Field(String name, Type type, boolean required, List<String> allowed, int min, int max,
        Object fallback, boolean lenient) {

    /** How a field's text becomes a typed value. */
    public enum Type { TEXT, TIMESTAMP, ENUM, INTEGER, DECIMAL, BOOLEAN }

    static Field text(String name) {
        return new Field(name, Type.TEXT, false, List.of(), 0, 0, null, false);
    }

    static Field timestamp(String name) {
        return new Field(name, Type.TIMESTAMP, false, List.of(), 0, 0, null, false);
    }

    static Field oneOf(String name, String... allowed) {
        return new Field(name, Type.ENUM, false, List.of(allowed), 0, 0, null, false);
    }

    static Field integer(String name, int min, int max) {
        return new Field(name, Type.INTEGER, false, List.of(), min, max, null, false);
    }

    static Field decimal(String name) {
        return new Field(name, Type.DECIMAL, false, List.of(), 0, 0, null, false);
    }

    static Field bool(String name, boolean fallback) {
        return new Field(name, Type.BOOLEAN, false, List.of(), 0, 0, fallback, false);
    }

    Field mandatory() {
        return new Field(name, type, true, allowed, min, max, fallback, lenient);
    }

    Field orElse(Object value) {
        return new Field(name, type, required, allowed, min, max, value, lenient);
    }

    Field ignoredWhenInvalid() {
        return new Field(name, type, required, allowed, min, max, fallback, true);
    }

    /** The canonical form of an enumeration value: trimmed and lower case. */
    static String canonical(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a raw value is already canonical for this field (so a profile's value map may let it pass). */
    boolean accepts(String raw) {
        String value = raw == null ? "" : raw.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (type) {
            case ENUM -> allowed.contains(value);
            case BOOLEAN -> value.equals("true") || value.equals("false");
            case INTEGER -> {
                try {
                    int number = Integer.parseInt(value);
                    yield number >= min && number <= max;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            default -> true;
        };
    }
}
