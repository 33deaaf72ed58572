package com.releaseledger.scheduling;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;

import org.springframework.scheduling.support.CronExpression;

import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.kernel.BadInputException;

/**
 * When a job runs and which period each firing reports (DESIGN.md section 8).
 *
 * @param cron        a cron expression with seconds (Spring's six fields; a five-field one gets "0" seconds)
 * @param zone        the zone the cron expression is read in
 * @param period      the period a firing reports: the month, week or quarter before the firing
 * @param catchUpFrom the first month whose periods catch-up may produce, or null
 */
public record Schedule(String cron, ZoneId zone, PeriodKind period, YearMonth catchUpFrom) {

    /** Which period a firing reports. */
    public enum PeriodKind {
        PREVIOUS_MONTH, PREVIOUS_WEEK, PREVIOUS_QUARTER;

        static PeriodKind of(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "previous-month" -> PREVIOUS_MONTH;
                case "previous-week" -> PREVIOUS_WEEK;
                case "previous-quarter" -> PREVIOUS_QUARTER;
                default -> throw new BadInputException("period \"" + text
                        + "\" is not one of [previous-month, previous-quarter, previous-week]");
            };
        }
    }

    /** A five-field expression gets a seconds field; the result must parse. */
    static String normalise(String cron) {
        String trimmed = cron.trim();
        String full = trimmed.split("\\s+").length == 5 ? "0 " + trimmed : trimmed;
        CronExpression.parse(full);
        return full;
    }

    /** The next firing strictly after {@code after}. */
    public Instant nextFiring(Instant after) {
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(zone));
        return next == null ? null : next.toInstant();
    }

    /** The label of the period a firing at {@code firing} reports: the one before it, in the reporting zone. */
    public String periodFor(Instant firing, ZoneId reportingZone) {
        ZonedDateTime at = firing.atZone(reportingZone);
        return switch (period) {
            case PREVIOUS_MONTH -> YearMonth.from(at).minusMonths(1).toString();
            case PREVIOUS_WEEK -> {
                ZonedDateTime weekBefore = at.minusWeeks(1);
                yield String.format("%d-W%02d", weekBefore.get(IsoFields.WEEK_BASED_YEAR),
                        weekBefore.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            case PREVIOUS_QUARTER -> ReportingPeriod.parse(at.getYear() + "-Q" + ((at.getMonthValue() - 1) / 3 + 1),
                    reportingZone).previous().label();
        };
    }
}
