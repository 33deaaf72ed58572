package com.releaseledger.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.releaseledger.scheduling.JobFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code release-ledger run JOBFILE --period P}: ingests a job's sources, analyses the period, writes the files.
 * A period that completed is not run again unless {@code --rerun}; one engine at a time runs a job.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a job for a period: ingest its sources, print the reconciliation, analyse the period and "
                + "write the CSV files, the job's documents (PDF and Excel) and manifest.json to OUTPUT/JOB/PERIOD/.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (findings are data), or the period had already completed",
                "1:the run failed", "2:a wrong job file, a missing source, a refused file, or bad usage",
                "3:only with --fail-on-findings: findings of that severity or higher"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "JOBFILE", description = "The job file (jobs/*.yml).")
    Path jobFile;

    @Option(names = "--period", required = true, paramLabel = "PERIOD", converter = Converters.Period.class,
            description = "The period the run reports: a month (2026-10), ISO week (2026-W41) or quarter (2026-Q4).")
    String period;

    @Mixin
    AnalysisOptions analysis;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Where the files go (default: the job file's output, else ./output).")
    Path output;

    @Option(names = "--rerun", description = "Run a period that already completed again: a new version beside the old.")
    boolean rerun;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why this version is issued (with --rerun): printed on the documents' covers and kept in "
                    + "the manifest.")
    String reason;

    @Override
    public Integer call() {
        JobFile job = JobFile.load(jobFile);
        Instant asOfInstant = analysis.asOf(job.reportingZone());
        try (Ledger ledger = Ledger.open(database)) {
            return JobExecution.run(ledger, job, period, asOfInstant, output, rerun, reason, analysis.failOnFindings,
                    database.describe(),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

}
