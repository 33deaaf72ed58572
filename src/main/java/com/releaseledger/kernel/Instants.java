package com.releaseledger.kernel;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/** Instants as people type them: an option's or a request field's ISO-8601 date-time. */
public final class Instants {

    private Instants() {
    }

    /**
     * {@code text} as an instant: with its offset when it has one, else read in {@code zone}; null when not given.
     *
     * @param what what the text is, for the error ({@code --at}, {@code "at"})
     * @throws BadInputException when it is not an ISO-8601 date-time
     */
    public static Instant parse(String what, String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim(), OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? offset.toInstant()
                    : ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new BadInputException(what + " \"" + text + "\" is not an ISO-8601 date-time"
                    + " (like 2026-10-30T15:00:00Z, or 2026-10-30T15:00 in the reporting zone)");
        }
    }

    /** As {@link #parse}, or now (to the second) when not given: when a deployment about to start starts. */
    public static Instant parseOrNow(String what, String text, ZoneId zone) {
        return text == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : parse(what, text, zone);
    }
}
