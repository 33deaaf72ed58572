package com.releaseledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;

import com.releaseledger.ingest.IngestService;
import com.releaseledger.scheduling.JobFile;
import com.releaseledger.scheduling.JobRunReport;
import com.releaseledger.scheduling.JobRunner;
import com.releaseledger.scheduling.SourcesRefusedException;

/**
 * One run of a job for a period, as {@code run} and {@code serve} do it, and what it prints: skipped when the
 * period completed (unless asked to run again), else the reconciliation of its sources and the analysis summary.
 */
final class JobExecution {

    private JobExecution() {
    }

    static int run(Ledger ledger, JobFile job, String period, Instant asOf, Path output, boolean rerun, String reason,
            String severity, String ledgerName, PrintWriter out, PrintWriter err) {
        JobRunReport report;
        try {
            report = ledger.get(JobRunner.class).run(job, period, asOf, output, rerun, reason, () -> {
                out.printf("job %s, period %s, %d source(s), ledger: %s%n", job.name(), period, job.sources().size(),
                        ledgerName);
                out.flush();
            });
        } catch (SourcesRefusedException refused) {
            IngestService ingest = ledger.get(IngestService.class);
            Reconciliation.print(out, refused.fileIds().stream().map(ingest::report).toList(), 0);
            err.println("release-ledger: " + refused.getMessage());
            err.flush();
            return Cli.BAD_INPUT;
        }
        if (report.alreadyCompleted() != null) {
            out.printf("job %s, period %s already completed (%s); --rerun produces a new version%n",
                    job.name(), period, report.alreadyCompleted());
            out.flush();
            return Cli.OK;
        }
        if (report.resumed()) {
            out.printf("resumed the run of job %s, period %s where it had stopped%n", job.name(), period);
        }
        Reconciliation.print(out, report.files(), report.ingestSeconds());
        Analysis.print(out, report.analysis(), report.published());
        return Analysis.exitCode(report.analysis(), severity, out);
    }
}
