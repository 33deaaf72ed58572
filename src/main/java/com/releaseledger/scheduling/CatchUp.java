package com.releaseledger.scheduling;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.releaseledger.analysis.ReportingPeriod;

/**
 * Which periods of a scheduled job are due at a moment (DESIGN.md section 8): every period reported by a firing
 * at or before that moment, from the schedule's {@code catch_up_from} month on, that has not completed; oldest
 * first. Pure: the moment is given, never read from a clock here.
 */
public final class CatchUp {

    private CatchUp() {
    }

    public static List<String> duePeriods(JobFile job, Instant now, Predicate<String> completed) {
        Schedule schedule = job.schedule();
        if (schedule == null) {
            return List.of();
        }
        Instant from = schedule.catchUpFrom() != null
                ? ReportingPeriod.parse(schedule.catchUpFrom().toString(), job.reportingZone()).start()
                : now.minus(400, ChronoUnit.DAYS);
        Set<String> periods = new LinkedHashSet<>();
        for (Instant firing = schedule.nextFiring(from.minusSeconds(1)); firing != null && !firing.isAfter(now);
                firing = schedule.nextFiring(firing)) {
            String period = schedule.periodFor(firing, job.reportingZone());
            if (!ReportingPeriod.parse(period, job.reportingZone()).start().isBefore(from)) {
                periods.add(period);
            }
        }
        List<String> due = new ArrayList<>();
        for (String period : periods) {
            if (!completed.test(period)) {
                due.add(period);
            }
        }
        return due;
    }

    /** The earliest next firing among the jobs, after {@code now}, or null when none is scheduled. */
    public static Instant nextFiring(List<JobFile> jobs, Instant now) {
        Instant next = null;
        for (JobFile job : jobs) {
            if (job.schedule() != null) {
                Instant at = job.schedule().nextFiring(now);
                if (at != null && (next == null || at.isBefore(next))) {
                    next = at;
                }
            }
        }
        return next;
    }
}
