package com.releaseledger.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import com.releaseledger.scheduling.JobRuns;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code release-ledger runs [--job J]}: past runs with their duration, counts and output folder. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List past runs, every attempt of a scheduled run included: start, job, period, status "
                + "(completed, failed, stopped), duration, analysis run, findings, pending items and output folder.")
final class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--job", paramLabel = "JOB", description = "Only the runs of this job.")
    String job;

    @Override
    public Integer call() {
        List<JobRuns.PastRun> runs;
        try (Ledger ledger = Ledger.openToRead(database)) {
            runs = ledger.get(JobRuns.class).runs(job);
        }
        PrintWriter out = spec.commandLine().getOut();
        String row = "%-19s  %-16s  %-8s  %-9s  %8s  %6s  %9s  %7s  %s%n";
        out.printf(row, "started (local)", "job", "period", "status", "seconds", "run", "findings", "pending",
                "output");
        for (JobRuns.PastRun run : runs) {
            out.printf(row, run.startedAt(), run.job(), run.period(), run.status().toLowerCase(java.util.Locale.ROOT),
                    run.seconds() == null ? "-" : String.format("%.1f", run.seconds()),
                    run.runId() == null ? "-" : run.runId(),
                    run.findings() == null ? "-" : String.format("%,d", run.findings()),
                    run.pending() == null ? "-" : String.format("%,d", run.pending()), run.folder() == null ? "-"
                            : run.folder() + (run.version() != null && run.version() > 1 ? " (v" + run.version() + ")" : ""));
        }
        out.printf("%d run(s)%n", runs.size());
        out.flush();
        return Cli.OK;
    }
}
