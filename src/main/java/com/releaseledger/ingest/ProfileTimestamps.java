package com.releaseledger.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A profile's timestamp patterns, tried in order and then ISO-8601 (offsets written {@code Z}, {@code +01:00} or
 * {@code +0100}; fractions kept): a time becomes ISO-8601 text, with its offset when it has one, else as a local time
 * that validation reads in the source's zone (DESIGN.md section 2: the earlier instant when a time occurs twice,
 * moved forward across a gap). {@code epoch_seconds} and {@code epoch_millis} read numbers.
 */
final class ProfileTimestamps {

    static final String EPOCH_SECONDS = "epoch_seconds";
    static final String EPOCH_MILLIS = "epoch_millis";

    private static final DateTimeFormatter ISO_COMPACT_OFFSET = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHMM", "Z").toFormatter(Locale.ROOT);

    private final List<String> patterns;
    private final List<DateTimeFormatter> formatters = new ArrayList<>();

    /** @throws IllegalArgumentException naming a pattern that is not a valid date-time pattern */
    ProfileTimestamps(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        for (String pattern : patterns) {
            if (pattern.equals(EPOCH_SECONDS) || pattern.equals(EPOCH_MILLIS)) {
                formatters.add(null);
            } else {
                // English month and day names (Jira writes "25/Oct/26 1:55 AM"), in any case
                formatters.add(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                        .toFormatter(Locale.ENGLISH));
            }
        }
    }

    List<String> patterns() {
        return patterns;
    }

    /** The time as ISO-8601 text (with its offset, or local), or null when no pattern reads it. */
    String iso(String text) {
        for (int i = 0; i < formatters.size(); i++) {
            String iso = parse(text, patterns.get(i), formatters.get(i));
            if (iso != null) {
                return iso;
            }
        }
        String iso = parse(text, null, DateTimeFormatter.ISO_DATE_TIME);
        return iso != null ? iso : parse(text, null, ISO_COMPACT_OFFSET);
    }

    /** The instant of a time with an offset (a local time read as UTC), for ordering list elements; null if unread. */
    Instant instant(String text) {
        String iso = iso(text);
        if (iso == null) {
            return null;
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from,
                LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset ? offset.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    /** The time plus a number of seconds, keeping its offset (or its being local). */
    String plusSeconds(String text, BigDecimal seconds) {
        String iso = iso(text);
        if (iso == null) {
            return text; // validation names the value it cannot read
        }
        long nanos = seconds.movePointRight(9).longValue();
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from,
                LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset ? offset.plusNanos(nanos).toString()
                : ((LocalDateTime) parsed).plusNanos(nanos).toString();
    }

    private static String parse(String text, String pattern, DateTimeFormatter formatter) {
        try {
            if (formatter == null) {
                long number = Long.parseLong(text.strip());
                Instant instant = EPOCH_MILLIS.equals(pattern) ? Instant.ofEpochMilli(number)
                        : Instant.ofEpochSecond(number);
                return instant.toString();
            }
            TemporalAccessor parsed = formatter.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? offset.toString() : parsed.toString();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
