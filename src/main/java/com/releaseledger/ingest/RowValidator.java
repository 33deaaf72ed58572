package com.releaseledger.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates one record against its kind's fields (DESIGN.md section 2): trims every value, parses types,
 * applies defaults, and checks the rules that join fields. Never filters: every record becomes a row or a rejection.
 */
class RowValidator implements ItemProcessor<SourceRecord, LedgerRow> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Kind kind;
    private final ZoneId zone;

    RowValidator(Kind kind, ZoneId zone) {
        this.kind = kind;
        this.zone = zone;
    }

    @Override
    public LedgerRow process(SourceRecord record) {
        if (record.problem() != null) {
            return new LedgerRow.Rejected(record.ordinal(), record.line(), record.raw().get(), record.problem());
        }
        List<Field> fields = kind.fields();
        Object[] values = new Object[fields.size()];
        List<String> errors = new ArrayList<>();
        List<LedgerRow.Note> notes = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            String text = record.values()[i] == null ? "" : record.values()[i].trim();
            if (text.isEmpty()) {
                if (field.required()) {
                    errors.add(field.name() + " is required but " + (record.values()[i] == null ? "missing" : "empty"));
                }
                values[i] = field.fallback();
                continue;
            }
            String unstorable = unstorableText(text);
            if (unstorable != null) {
                // never lenient: a value the ledger cannot hold is not a value we may quietly drop
                errors.add(field.name() + " " + unstorable);
                continue;
            }
            try {
                values[i] = parse(field, text);
            } catch (InvalidValueException e) {
                if (field.lenient()) {
                    values[i] = field.fallback();
                    notes.add(new LedgerRow.Note(field.name(), text, e.getMessage() + "; ignored"
                            + (field.fallback() == null ? "" : ", " + field.fallback() + " applies")));
                } else {
                    errors.add(e.getMessage());
                }
            }
        }
        if (errors.isEmpty()) {
            checkAcrossFields(values, errors, notes);
        }
        if (!errors.isEmpty()) {
            return new LedgerRow.Rejected(record.ordinal(), record.line(), record.raw().get(), String.join("; ", errors));
        }
        return new LedgerRow.Accepted(record.ordinal(), record.line(), values, notes);
    }

    private void checkAcrossFields(Object[] values, List<String> errors, List<LedgerRow.Note> notes) {
        switch (kind) {
            case DEPLOYMENTS -> {
                int status = kind.fieldIndex("status");
                int started = kind.fieldIndex("started_at");
                int finished = kind.fieldIndex("finished_at");
                if ("in_progress".equals(values[status])) {
                    values[finished] = null; // an in-progress deployment's finished_at is ignored
                } else if (values[finished] == null) {
                    errors.add("finished_at is required unless status is in_progress");
                } else if (((Instant) values[finished]).isBefore((Instant) values[started])) {
                    errors.add("finished_at " + values[finished] + " is before started_at " + values[started]);
                }
            }
            case SERVICES -> {
                int slo = kind.fieldIndex("slo_target");
                if (values[slo] instanceof BigDecimal target
                        && (target.signum() <= 0 || target.compareTo(HUNDRED) >= 0)) {
                    notes.add(new LedgerRow.Note("slo_target", target.toPlainString(), "slo_target "
                            + target.toPlainString() + " is not strictly between 0 and 100; ignored, no error budget"));
                    values[slo] = null;
                }
            }
            case BLACKOUTS -> {
                Instant starts = (Instant) values[kind.fieldIndex("starts_at")];
                Instant ends = (Instant) values[kind.fieldIndex("ends_at")];
                if (ends.isBefore(starts)) {
                    errors.add("ends_at " + ends + " is before starts_at " + starts);
                }
            }
            default -> {
            }
        }
    }

    private Object parse(Field field, String text) throws InvalidValueException {
        return switch (field.type()) {
            case TEXT -> text;
            case TIMESTAMP -> parseTimestamp(field, text);
            case ENUM -> {
                String value = Field.canonical(text);
                if (!field.allowed().contains(value)) {
                    throw new InvalidValueException(field.name() + " \"" + text + "\" is not one of " + field.allowed());
                }
                yield value;
            }
            case INTEGER -> {
                try {
                    int value = Integer.parseInt(text);
                    if (value < field.min() || value > field.max()) {
                        throw new NumberFormatException();
                    }
                    yield value;
                } catch (NumberFormatException e) {
                    throw new InvalidValueException(field.name() + " \"" + text + "\" is not a whole number from "
                            + field.min() + " to " + field.max());
                }
            }
            case DECIMAL -> {
                BigDecimal value;
                try {
                    value = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new InvalidValueException(field.name() + " \"" + text + "\" is not a decimal number");
                }
                // PostgreSQL's numeric holds 131,072 digits before the point and 16,383 after: far beyond any
                // measure, so anything over a thousand either way is a broken value rather than a number
                if (value.precision() - value.scale() > 1000 || value.scale() > 1000) {
                    throw new InvalidValueException(field.name() + " \"" + abbreviated(text)
                            + "\" is not a decimal number the ledger holds (at most 1,000 digits either side of the point)");
                }
                yield value;
            }
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new InvalidValueException(field.name() + " \"" + text + "\" is not true or false");
            };
        };
    }

    private Instant parseTimestamp(Field field, String text) throws InvalidValueException {
        Instant instant;
        try {
            instant = Timestamps.parse(text, zone);
        } catch (DateTimeException e) {
            throw new InvalidValueException(field.name() + " \"" + text
                    + "\" is not an ISO-8601 date-time (like 2026-10-03T14:05:11+02:00)");
        }
        if (instant.isBefore(FIRST_STORABLE) || !instant.isBefore(AFTER_LAST_STORABLE)) {
            throw new InvalidValueException(field.name() + " \"" + text + "\" is outside the years 0001 to 9999"
                    + " (in UTC) that the ledger holds");
        }
        return instant;
    }

    /** The first instant of year 1 and the first after year 9999, in UTC: the ledger's range of time. */
    private static final Instant FIRST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_STORABLE = Instant.parse("+10000-01-01T00:00:00Z");

    /**
     * Why PostgreSQL could not store this text (a NUL character; half of a UTF-16 surrogate pair, which a JSON
     * escape such as {@code \\ud800} can make), or null when it can.
     */
    static String unstorableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "holds a NUL character (at position " + (i + 1) + "), which the ledger cannot store";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds half of a surrogate pair (at position " + (i + 1) + "), which is not a character";
            }
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** A value that does not parse as its field's type. */
    private static final class InvalidValueException extends Exception {
        InvalidValueException(String message) {
            super(message, null, false, false);
        }
    }
}
