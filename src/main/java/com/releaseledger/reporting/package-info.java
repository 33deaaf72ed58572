/**
 * Reporting: the output folders of runs, their manifests and hash chain, and their verification. (The audit
 * pack, error-budget review and scorecard documents come here too.) {@link com.releaseledger.reporting.ReportService}
 * and {@link com.releaseledger.reporting.Verifier} are the module's API.
 */
package com.releaseledger.reporting;
