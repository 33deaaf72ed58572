/**
 * Period analysis: reporting periods, delivery metrics, error budgets, governance findings, pending items and
 * the data-quality register, each computed by a SQL file under {@code sql/}, stored per run and written as
 * {@code metrics.csv}, {@code findings.csv} and {@code pending.csv}. {@link com.releaseledger.analysis.AnalysisService}
 * is the module's API.
 */
@ApplicationModule(allowedDependencies = {"kernel"})
package com.releaseledger.analysis;

import org.springframework.modulith.ApplicationModule;
