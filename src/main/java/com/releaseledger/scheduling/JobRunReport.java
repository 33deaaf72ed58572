package com.releaseledger.scheduling;

import java.util.List;

import com.releaseledger.analysis.AnalysisResult;
import com.releaseledger.ingest.FileReport;
import com.releaseledger.reporting.PublishedRun;

/**
 * What a run of a job for a period did.
 *
 * @param job              the job
 * @param period           the period
 * @param alreadyCompleted the output folder of the earlier run when the period had completed (nothing ran), or null
 * @param resumed          whether this run resumed one that had failed or been stopped
 * @param files            the reconciliation of the run's source files (empty when nothing ran)
 * @param ingestSeconds    how long the ingest step took in this attempt (0 when an earlier attempt did it)
 * @param analysis         the analysis, or null when the run did not get that far
 * @param published        the files written, or null when the run did not get that far
 */
public record JobRunReport(String job, String period, String alreadyCompleted, boolean resumed, List<FileReport> files,
        double ingestSeconds, AnalysisResult analysis, PublishedRun published) {
}
