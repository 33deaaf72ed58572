/**
 * Reporting: a run's output folder (the CSV files, the audit pack, error-budget review and scorecard as PDF and
 * workbook, every query from {@code sql/reports/}), its manifest and hash chain, and their verification. It reads
 * what the analysis stored; it never analyses. {@link com.releaseledger.reporting.ReportService},
 * {@link com.releaseledger.reporting.Verifier} and {@link com.releaseledger.reporting.Document} are the module's API.
 */
@ApplicationModule(allowedDependencies = {"analysis", "kernel"})
package com.releaseledger.reporting;

import org.springframework.modulith.ApplicationModule;
