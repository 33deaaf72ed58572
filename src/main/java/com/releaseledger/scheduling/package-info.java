/**
 * Scheduling: job files ({@code jobs/*.yml}: sources, period, policy, reports, output, schedule), a job's run for a
 * period as a restartable Spring Batch job (ingest, analysis, trend periods, documents), the per-job lock, past runs,
 * cron schedules and catch-up. {@link com.releaseledger.scheduling.JobRunner} and
 * {@link com.releaseledger.scheduling.JobFile} are the module's API.
 */
@ApplicationModule(allowedDependencies = {"analysis", "ingest", "kernel", "kernel :: batch", "reporting"})
package com.releaseledger.scheduling;

import org.springframework.modulith.ApplicationModule;
