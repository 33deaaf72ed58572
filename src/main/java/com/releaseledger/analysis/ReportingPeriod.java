package com.releaseledger.analysis;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.releaseledger.kernel.BadInputException;

/**
 * A reporting period (DESIGN.md section 3): a calendar month ({@code 2026-10}), ISO week ({@code 2026-W41}) or
 * quarter ({@code 2026-Q4}) in the reporting zone, as the half-open interval [start, end) between two local
 * midnights (or the first valid instant after a midnight that a clock change skips). Its length is the real
 * elapsed time, so a month with a daylight-saving change is an hour shorter or longer.
 *
 * @param label the period as written ({@code 2026-10})
 * @param kind  month, ISO week or quarter
 * @param zone  the reporting zone
 * @param start the first instant of the period
 * @param end   the first instant after it
 */
public record ReportingPeriod(String label, Kind kind, ZoneId zone, Instant start, Instant end) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** The kinds of period, each knowing its first day, its length and how its label is written. */
    public enum Kind {
        MONTH, WEEK, QUARTER;

        /** The first local date of the period of this kind that contains {@code date}. */
        LocalDate firstDayOf(LocalDate date) {
            return switch (this) {
                case MONTH -> date.withDayOfMonth(1);
                case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
            };
        }

        LocalDate next(LocalDate first) {
            return switch (this) {
                case MONTH -> first.plusMonths(1);
                case WEEK -> first.plusWeeks(1);
                case QUARTER -> first.plusMonths(3);
            };
        }

        LocalDate previous(LocalDate first) {
            return switch (this) {
                case MONTH -> first.minusMonths(1);
                case WEEK -> first.minusWeeks(1);
                case QUARTER -> first.minusMonths(3);
            };
        }

        String label(LocalDate first) {
            return switch (this) {
                case MONTH -> YearMonth.from(first).toString();
                case WEEK -> String.format("%d-W%02d", first.get(IsoFields.WEEK_BASED_YEAR),
                        first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case QUARTER -> first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
            };
        }
    }

    /** Parses a month, ISO week or quarter in the given zone. */
    public static ReportingPeriod parse(String label, ZoneId zone) {
        String text = label == null ? "" : label.trim();
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return of(Kind.MONTH, LocalDate.of(Integer.parseInt(m.group(1)), month, 1), zone);
            }
        }
        m = WEEK.matcher(text);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int week = Integer.parseInt(m.group(2));
            LocalDate mid = LocalDate.of(year, 7, 1);
            if (week >= 1 && week <= mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                return of(Kind.WEEK, mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week), zone);
            }
        }
        m = QUARTER.matcher(text);
        if (m.matches()) {
            return of(Kind.QUARTER, LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1),
                    zone);
        }
        throw new BadInputException("period \"" + label
                + "\" is not a month (2026-10), an ISO week (2026-W41) or a quarter (2026-Q4)");
    }

    /** The period of that kind, in the zone, that contains the instant. */
    public static ReportingPeriod containing(Kind kind, Instant at, ZoneId zone) {
        return of(kind, at.atZone(zone).toLocalDate(), zone);
    }

    /** The period of that kind that contains the local date. */
    private static ReportingPeriod of(Kind kind, LocalDate date, ZoneId zone) {
        LocalDate first = kind.firstDayOf(date);
        // atStartOfDay gives the first valid instant of the day where a clock change skips midnight
        return new ReportingPeriod(kind.label(first), kind, zone, first.atStartOfDay(zone).toInstant(),
                kind.next(first).atStartOfDay(zone).toInstant());
    }

    /** The real elapsed length in minutes. */
    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }

    /** The period that comes before this one, of the same kind (for trends). */
    public ReportingPeriod previous() {
        return of(kind, kind.previous(start.atZone(zone).toLocalDate()), zone);
    }

    @Override
    public String toString() {
        return label + " (" + zone + ")";
    }
}
