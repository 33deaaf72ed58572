package com.releaseledger.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;

import com.releaseledger.scheduling.JobFile;
import com.releaseledger.scheduling.JobRuns;
import com.releaseledger.scheduling.Schedule;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code release-ledger jobs [JOBFILE...]}: each job, its schedule, its next run and its recent periods. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List the jobs (jobs/*.yml by default): schedule, the period each run reports, the next run, "
                + "and whether the periods of the last three runs completed.")
final class JobsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    JobFileArguments jobFiles;

    @Override
    public Integer call() {
        List<JobFile> jobs = jobFiles.load();
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Ledger ledger = Ledger.openToRead(database)) {
            JobRuns runs = ledger.get(JobRuns.class);
            for (JobFile job : jobs) {
                Schedule schedule = job.schedule();
                if (schedule == null) {
                    out.printf("%s (%s): no schedule, run by hand%n", job.name(), job.file());
                    continue;
                }
                out.printf("%s (%s): cron \"%s\" in %s, reports the %s; next run %s%n", job.name(), job.file(),
                        schedule.cron(), schedule.zone(), schedule.period().name().toLowerCase().replace('_', ' '),
                        schedule.nextFiring(now));
                for (Instant firing : lastFirings(schedule, now, 3)) {
                    String period = schedule.periodFor(firing, job.reportingZone());
                    out.printf("  %s (run due %s): %s%n", period, firing, runs.state(job.name(), period));
                }
            }
        }
        out.flush();
        return Cli.OK;
    }

    /** The last {@code count} firings at or before {@code now}, oldest first (cron only steps forward). */
    private static List<Instant> lastFirings(Schedule schedule, Instant now, int count) {
        Deque<Instant> last = new ArrayDeque<>();
        for (Instant at = schedule.nextFiring(now.minus(400, ChronoUnit.DAYS)); at != null && !at.isAfter(now);
                at = schedule.nextFiring(at)) {
            last.addLast(at);
            if (last.size() > count) {
                last.removeFirst();
            }
        }
        return List.copyOf(last);
    }
}
