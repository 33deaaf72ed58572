package com.releaseledger.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.scheduling.JobFile;
import com.releaseledger.scheduling.JobFileException;
import com.releaseledger.scheduling.JobRuns;
import com.releaseledger.scheduling.SourceSpec;

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
                + "write metrics.csv, findings.csv and pending.csv to OUTPUT/JOB/PERIOD/.",
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

    @Option(names = "--period", required = true, paramLabel = "PERIOD",
            description = "The period the run reports: a month (2026-10), ISO week (2026-W41) or quarter (2026-Q4).")
    String period;

    @Option(names = "--as-of", paramLabel = "TIMESTAMP",
            description = "When deadlines are judged (default: the period end); without an offset, in the job's "
                    + "reporting zone.")
    String asOf;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Where the files go (default: the job file's output, else ./output).")
    Path output;

    @Option(names = "--rerun", description = "Run a period that already completed again: a new version beside the old.")
    boolean rerun;

    @Option(names = "--fail-on-findings", paramLabel = "SEVERITY",
            description = "Exit 3 when the run finds findings of this severity or higher (high or medium).")
    String failOnFindings;

    @Override
    public Integer call() {
        String severity = Analysis.severity(failOnFindings);
        JobFile job = JobFile.load(jobFile);
        ReportingPeriod reporting = ReportingPeriod.parse(period, job.reportingZone());
        AnalysisRequest request = new AnalysisRequest(job.name(), reporting, Analysis.asOf(asOf, job.reportingZone()),
                job.policy());
        List<Path> files = new ArrayList<>();
        List<SourceSpec> specs = new ArrayList<>();
        for (SourceSpec source : job.sources()) {
            List<Path> matched = source.files();
            if (matched.isEmpty() || !Files.isRegularFile(matched.get(0))) {
                throw new JobFileException(jobFile + ": source " + source.kind().id() + " \"" + source.pattern()
                        + "\" names no file (relative to " + source.base() + ")");
            }
            for (Path file : matched) {
                files.add(file);
                specs.add(source);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Ledger ledger = Ledger.open(database)) {
            JobRuns runs = ledger.get(JobRuns.class);
            // one engine at a time per job, so that its manifests form one chain
            return runs.exclusively(job.name(), () -> {
                String done = runs.completedFolder(job.name(), period);
                if (done != null && !rerun) {
                    out.printf("job %s, period %s already completed (%s); --rerun produces a new version%n",
                            job.name(), period, done);
                    out.flush();
                    return Cli.OK;
                }
                return runJob(ledger, job, request, files, specs, severity, out);
            });
        }
    }

    private int runJob(Ledger ledger, JobFile job, AnalysisRequest request, List<Path> files, List<SourceSpec> specs,
            String severity, PrintWriter out) {
        out.printf("job %s, period %s, %d source file(s), ledger: %s%n", job.name(), period, files.size(),
                database.describe());
        out.flush();
        long started = System.nanoTime();
        List<FileReport> reports = new ArrayList<>();
        IngestService ingest = ledger.get(IngestService.class);
        for (int i = 0; i < files.size(); i++) {
            reports.add(ingest.ingest(specs.get(i).request(relative(files.get(i)), job.maxRejectedShare())));
        }
        Reconciliation.print(out, reports, (System.nanoTime() - started) / 1e9);
        long refused = reports.stream().filter(r -> r.outcome() == FileReport.Outcome.REFUSED).count();
        if (refused > 0) {
            spec.commandLine().getErr().printf("release-ledger: %d source file(s) refused: the population is "
                    + "incomplete, so the period is not analysed%n", refused);
            return Cli.BAD_INPUT;
        }
        Path folder = output != null ? output : job.output() != null ? job.output() : Path.of("output");
        return Analysis.exitCode(Analysis.run(ledger, request, folder, job.reports(), out), severity, out);
    }

    /** Paths as a person reads them: relative to the working directory when the file lies below it. */
    private static Path relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}
