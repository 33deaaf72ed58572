package com.releaseledger.scheduling;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Service;

import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.AnalysisService;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.kernel.BadInputException;
import com.releaseledger.kernel.Failures;
import com.releaseledger.kernel.batch.Restarts;
import com.releaseledger.reporting.ReportService;

/**
 * Runs a job for a period, as {@code run} and {@code serve} do (DESIGN.md section 8): under the job's lock, never a
 * completed period again unless asked ({@code rerun} makes a new version), and a run that failed or was stopped
 * restarts at the step where it stopped (Spring Batch restart of the same job instance).
 */
@Service
public class JobRunner {

    private final JobRuns runs;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job jobRunJob;
    private final IngestService ingest;
    private final AnalysisService analysis;
    private final ReportService reports;

    JobRunner(JobRuns runs, JobOperator jobOperator, JobRepository jobRepository, Job jobRunJob, IngestService ingest,
            AnalysisService analysis, ReportService reports) {
        this.runs = runs;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobRunJob = jobRunJob;
        this.ingest = ingest;
        this.analysis = analysis;
        this.reports = reports;
    }

    /**
     * Runs the job for the period.
     *
     * @param asOf   when deadlines are judged, or null for the period end
     * @param output the output folder, or null for the job file's (else {@code output})
     * @param reason why this version is issued (a re-run's), or null: on the documents' covers and in the manifest
     * @param onStart called holding the job's lock, just before the run starts (not when the period had completed)
     * @throws JobFileException         when a source names no file
     * @throws SourcesRefusedException  when a source file was refused (the period is not analysed)
     * @throws JobRunFailedException    when a step failed or the run was stopped (the next run resumes it)
     */
    public JobRunReport run(JobFile job, String period, Instant asOf, Path output, boolean rerun, String reason,
            Runnable onStart) {
        ReportingPeriod reporting = ReportingPeriod.parse(period, job.reportingZone());
        Instant at = asOf != null ? asOf : reporting.end();
        JobSources.resolve(job); // a source that names no file is a wrong job file: refused before anything runs
        Path folder = output != null ? output : job.output() != null ? job.output() : Path.of("output");
        return runs.exclusively(job.name(), () -> {
            String done = runs.completedFolder(job.name(), period);
            if (done != null && !rerun) {
                return new JobRunReport(job.name(), period, done, false, List.of(), 0, null, null);
            }
            onStart.run();
            recoverAbandoned(job.name());
            JobParametersBuilder builder = new JobParametersBuilder();
            if (reason != null && !reason.isBlank()) {
                builder.addString(RunJobConfiguration.REASON, reason.strip(), false);
            }
            JobParameters parameters = builder
                    .addString("job", job.name())
                    .addString("period", period)
                    .addLong("version", runs.completedCount(job.name(), period) + 1)
                    .addString("as.of", at.toString())
                    .addString("job.file", job.file().toAbsolutePath().normalize().toString(), false)
                    .addString("output", folder.toAbsolutePath().normalize().toString(), false)
                    .toJobParameters();
            // we hold the job's lock: a start that an engine did not finish is made startable again
            Restarts.recover(jobRepository, jobOperator, RunJobConfiguration.JOB_NAME, parameters);
            JobExecution last = jobRepository.getLastJobExecution(RunJobConfiguration.JOB_NAME, parameters);
            boolean resumed = last != null && (last.getStatus() == BatchStatus.FAILED
                    || last.getStatus() == BatchStatus.STOPPED);
            JobExecution execution;
            try {
                execution = jobOperator.start(jobRunJob, parameters);
            } catch (Exception e) {
                throw new JobRunFailedException("could not start job " + job.name() + " for " + period + ": "
                        + e.getMessage(), e);
            }
            return report(job, period, reporting, at, execution, resumed);
        });
    }

    /** We hold the job's lock, so a run of it still marked running belongs to an engine that is gone. */
    private void recoverAbandoned(String job) {
        Set<JobExecution> running = jobRepository.findRunningJobExecutions(RunJobConfiguration.JOB_NAME);
        for (JobExecution execution : running) {
            if (job.equals(execution.getJobParameters().getString("job"))) {
                jobOperator.recover(execution);
            }
        }
    }

    private JobRunReport report(JobFile job, String period, ReportingPeriod reporting, Instant at,
            JobExecution execution, boolean resumed) {
        ExecutionContext context = execution.getExecutionContext();
        List<FileReport> files = context.containsKey(RunJobConfiguration.FILE_IDS)
                ? fileReports(context.getString(RunJobConfiguration.FILE_IDS)) : List.of();
        double ingestSeconds = execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals("ingestSources"))
                .mapToDouble(JobRunner::seconds).sum();
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw failure(job, period, execution, files);
        }
        long runId = context.getLong(RunJobConfiguration.RUN_ID);
        // the policy the run analysed with: the job file as it was when the run first started
        AnalysisRequest request = new AnalysisRequest(job.name(), reporting, at,
                RunJobConfiguration.definition(execution).policy());
        return new JobRunReport(job.name(), period, null, resumed, files, ingestSeconds,
                analysis.result(runId, request), reports.published(runId));
    }

    private RuntimeException failure(JobFile job, String period, JobExecution execution, List<FileReport> files) {
        String step = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                .map(StepExecution::getStepName).findFirst().orElse("?");
        for (Throwable failure : execution.getAllFailureExceptions()) {
            BadInputException badInput = Failures.causeOf(failure, BadInputException.class).orElse(null);
            if (badInput != null) {
                return badInput;
            }
        }
        // a step that failed because the JVM was shutting down (a temporary file refused: "Shutdown in progress")
        // was stopped by SIGTERM, as far as anyone running it is concerned
        boolean shutDown = execution.getAllFailureExceptions().stream().anyMatch(Failures::fromShutdown);
        if (execution.getStatus() == BatchStatus.STOPPED || execution.getStatus() == BatchStatus.STOPPING
                || shutDown) {
            return new JobRunFailedException("job " + job.name() + ", period " + period + " stopped in step " + step
                    + "; the next run resumes it there", null);
        }
        Throwable first = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        return new JobRunFailedException("job " + job.name() + ", period " + period + " failed in step " + step
                + (first == null ? "" : ": " + Failures.rootMessage(first)) + "; the next run resumes it there", first);
    }

    private List<FileReport> fileReports(String ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(ids.split(",")).map(id -> ingest.report(Long.parseLong(id))).toList();
    }

    private static double seconds(StepExecution step) {
        return step.getStartTime() == null || step.getEndTime() == null ? 0
                : Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1e9;
    }
}
