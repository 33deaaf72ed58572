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
 * @param zone  the reporting zone
 * @param start the first instant of the period
 * @param end   the first instant after it
 */
public record ReportingPeriod(String label, ZoneId zone, Instant start, Instant end) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    /** Parses a month, ISO week or quarter in the given zone. */
    public static ReportingPeriod parse(String label, ZoneId zone) {
        String text = label == null ? "" : label.trim();
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), month);
                return between(text, zone, ym.atDay(1), ym.plusMonths(1).atDay(1));
            }
        }
        m = WEEK.matcher(text);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int week = Integer.parseInt(m.group(2));
            LocalDate mid = LocalDate.of(year, 7, 1);
            if (week >= 1 && week <= mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                LocalDate monday = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return between(text, zone, monday, monday.plusWeeks(1));
            }
        }
        m = QUARTER.matcher(text);
        if (m.matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1);
            return between(text, zone, first, first.plusMonths(3));
        }
        throw new BadInputException("period \"" + label
                + "\" is not a month (2026-10), an ISO week (2026-W41) or a quarter (2026-Q4)");
    }

    private static ReportingPeriod between(String label, ZoneId zone, LocalDate first, LocalDate next) {
        // atStartOfDay gives the first valid instant of the day where a clock change skips midnight
        return new ReportingPeriod(label, zone, first.atStartOfDay(zone).toInstant(),
                next.atStartOfDay(zone).toInstant());
    }

    /** The real elapsed length in minutes. */
    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }

    /** The period that comes before this one, of the same kind (for trends). */
    public ReportingPeriod previous() {
        LocalDate first = start.atZone(zone).toLocalDate();
        if (label.contains("-W")) {
            LocalDate monday = first.minusWeeks(1);
            return between(String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), zone, monday, first);
        }
        if (label.contains("-Q")) {
            LocalDate begin = first.minusMonths(3);
            return between(begin.getYear() + "-Q" + ((begin.getMonthValue() - 1) / 3 + 1), zone, begin, first);
        }
        YearMonth month = YearMonth.from(first).minusMonths(1);
        return between(month.toString(), zone, month.atDay(1), first);
    }

    @Override
    public String toString() {
        return label + " (" + zone + ")";
    }
}
