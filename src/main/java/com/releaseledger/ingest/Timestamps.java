package com.releaseledger.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 date-times as sources write them: taken as is with an offset, read in the source's zone without one
 * (a wall-clock time skipped by a clock change moves forward by the gap; one that occurs twice takes the earlier
 * offset), kept to the microsecond. The common shapes are read by hand (java.time's general parser dominates
 * the cost of ingest); anything else goes to {@link DateTimeFormatter#ISO_DATE_TIME}.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** The instant, or a {@link DateTimeException} when the text is not an ISO-8601 date-time. */
    static Instant parse(String text, ZoneId zone) {
        Instant fast = parseCommonShape(text, zone);
        if (fast != null) {
            return fast;
        }
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                LocalDateTime::from);
        Instant instant = parsed instanceof OffsetDateTime offset
                ? offset.toInstant()
                : ((LocalDateTime) parsed).atZone(zone).toInstant();
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction][Z|±HH:MM]}, or null for any other shape. */
    private static Instant parseCommonShape(String s, ZoneId zone) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(s.charAt(i)) && i - start < 9) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || (i < n && Character.isDigit(s.charAt(i)))) {
                return null;
            }
            for (int k = i - start; k < 9; k++) {
                nanos *= 10;
            }
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos - nanos % 1000);
        if (i == n) {
            return local.atZone(zone).toInstant();
        }
        if (i == n - 1 && s.charAt(i) == 'Z') {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, i + 4, 2);
            if ((hours | minutes) < 0) {
                return null;
            }
            int sign = s.charAt(i) == '-' ? -1 : 1;
            return local.toInstant(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        }
        return null;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
