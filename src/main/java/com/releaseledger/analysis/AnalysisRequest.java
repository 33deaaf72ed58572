package com.releaseledger.analysis;

import java.time.Instant;
import java.util.Objects;

/**
 * What to analyse.
 *
 * @param job    the job the run belongs to (names its output folder)
 * @param period the reporting period, in the reporting zone
 * @param asOf   the moment deadlines are judged at (default: the period end); it changes nothing else
 * @param policy the policy values and band thresholds
 */
public record AnalysisRequest(String job, ReportingPeriod period, Instant asOf, Policy policy) {

    public AnalysisRequest {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(policy, "policy");
        asOf = asOf != null ? asOf : period.end();
    }
}
