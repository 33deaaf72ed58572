package com.releaseledger.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import com.releaseledger.kernel.BadInputException;
import com.releaseledger.kernel.Failures;
import com.releaseledger.scheduling.CatchUp;
import com.releaseledger.scheduling.JobFile;
import com.releaseledger.scheduling.JobRuns;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code release-ledger serve [JOBFILE...]}: stays up and runs each scheduled job when it fires, for the period it
 * reports; on start it first catches up every period that should have run and did not (from the schedule's
 * {@code catch_up_from}), oldest first. A period that completed is never run twice.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the scheduled jobs (jobs/*.yml with a schedule by default): catch up the periods missed, "
                + "oldest first, then run each job when its schedule fires.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    JobFileArguments jobFiles;

    @Option(names = "--once", description = "Catch up, then exit instead of waiting for the next firing.")
    boolean once;

    @Option(names = "--now", hidden = true, paramLabel = "INSTANT",
            description = "Take this instant as now (for tests and replays); implies --once.")
    Instant now;

    @Override
    public Integer call() throws InterruptedException {
        List<JobFile> jobs = jobFiles.load().stream().filter(job -> job.schedule() != null).toList();
        if (jobs.isEmpty()) {
            throw new BadInputException("no job with a schedule to serve");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int worst = Cli.OK;
        try (Ledger ledger = Ledger.open(database)) {
            JobRuns runs = ledger.get(JobRuns.class);
            while (true) {
                Instant at = now != null ? now : Instant.now().truncatedTo(ChronoUnit.SECONDS);
                for (JobFile job : jobs) {
                    for (String period : CatchUp.duePeriods(job, at, p -> runs.completedFolder(job.name(), p) != null)) {
                        if (ledger.stopping()) {
                            return worst; // SIGTERM: start nothing new
                        }
                        out.printf("%s: running job %s for %s%n", at, job.name(), period);
                        out.flush();
                        try {
                            int exit = JobExecution.run(ledger, job, period, null, null, false, null, null,
                                    database.describe(), out, err);
                            worst = Math.max(worst, exit);
                        } catch (RuntimeException e) {
                            // one job's failure does not stop the others; the period stays due and runs again
                            err.printf("release-ledger: job %s, period %s failed: %s%n", job.name(), period,
                                    Failures.rootMessage(e));
                            err.flush();
                            worst = Math.max(worst, Cli.FAILED);
                        }
                    }
                }
                if (once || now != null) {
                    return worst;
                }
                Instant next = CatchUp.nextFiring(jobs, at);
                out.printf("%s: waiting for the next firing at %s%n", at, next);
                out.flush();
                Thread.sleep(Math.max(1_000, Duration.between(Instant.now(), next).toMillis()));
            }
        }
    }
}
