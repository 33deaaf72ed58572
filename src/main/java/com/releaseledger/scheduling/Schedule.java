package com.releaseledger.scheduling;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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

    /** Which period a firing reports: the one of its kind before the one the firing falls in. */
    public enum PeriodKind {
        PREVIOUS_MONTH(ReportingPeriod.Kind.MONTH), PREVIOUS_WEEK(ReportingPeriod.Kind.WEEK),
        PREVIOUS_QUARTER(ReportingPeriod.Kind.QUARTER);

        private final ReportingPeriod.Kind kind;

        PeriodKind(ReportingPeriod.Kind kind) {
            this.kind = kind;
        }

        /** The kind of period a firing reports (a month, a week, a quarter). */
        public ReportingPeriod.Kind kind() {
            return kind;
        }

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
        return ReportingPeriod.containing(period.kind, firing, reportingZone).previous().label();
    }
}
