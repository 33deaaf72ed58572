package com.releaseledger.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.scheduling.JobFile;
import com.releaseledger.scheduling.JobFileException;
import com.releaseledger.scheduling.JobRuns;
import com.releaseledger.scheduling.SourceSpec;

/**
 * One run of a job for a period, as {@code run} and {@code serve} do it: under the job's lock, skipped when the
 * period completed (unless asked to run again), else ingest the sources, analyse, write the files.
 */
final class JobExecution {

    private JobExecution() {
    }

    static int run(Ledger ledger, JobFile job, String period, Instant asOf, Path output, boolean rerun,
            String severity, String ledgerName, PrintWriter out, PrintWriter err) {
        ReportingPeriod reporting = ReportingPeriod.parse(period, job.reportingZone());
        AnalysisRequest request = new AnalysisRequest(job.name(), reporting, asOf, job.policy());
        List<Path> files = new ArrayList<>();
        List<SourceSpec> specs = new ArrayList<>();
        for (SourceSpec source : job.sources()) {
            List<Path> matched = source.files();
            if (matched.isEmpty() || !Files.isRegularFile(matched.get(0))) {
                throw new JobFileException(job.file() + ": source " + source.kind().id() + " \"" + source.pattern()
                        + "\" names no file (relative to " + source.base() + ")");
            }
            for (Path file : matched) {
                files.add(file);
                specs.add(source);
            }
        }
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
            out.printf("job %s, period %s, %d source file(s), ledger: %s%n", job.name(), period, files.size(),
                    ledgerName);
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
                err.printf("release-ledger: %d source file(s) refused: the population is incomplete, so the period"
                        + " is not analysed%n", refused);
                err.flush();
                return Cli.BAD_INPUT;
            }
            Path folder = output != null ? output : job.output() != null ? job.output() : Path.of("output");
            return Analysis.exitCode(Analysis.run(ledger, request, folder, job.reports(), out), severity, out);
        });
    }

    /** Paths as a person reads them: relative to the working directory when the file lies below it. */
    private static Path relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}
