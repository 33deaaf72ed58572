package com.releaseledger.scheduling;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.AnalysisResult;
import com.releaseledger.analysis.AnalysisService;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestFailedException;
import com.releaseledger.ingest.IngestRequest;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.kernel.batch.LocalJobExecutions;
import com.releaseledger.kernel.batch.StepLog;
import com.releaseledger.reporting.ReportService;

/**
 * A job's run for one period as a restartable Spring Batch job (DESIGN.md section 8): ingest its sources, analyse
 * the period, analyse the trend periods, publish the documents. A run that failed or was stopped restarts at the
 * step where it stopped; the steps before are not done again.
 * <p>
 * Job parameters: {@code job}, {@code period}, {@code version} (1, or the version {@code --rerun} makes) and
 * {@code as.of} identify the run; {@code job.file} and {@code output} (absolute paths) say where its definition is
 * and where its files go. Each step's work is committed by the services it calls, in their own transactions (the
 * analysis in one REPEATABLE READ transaction, each file's ingest in its own job), so the steps run outside one.
 */
@Configuration(proxyBeanMethods = false)
class RunJobConfiguration {

    static final String JOB_NAME = "job-run";
    static final String FILE_IDS = "file.ids";
    static final String RUN_ID = "run.id";
    /** The job file's text when the run first started: every step and every resumed attempt uses exactly this. */
    static final String DEFINITION = "job.definition";
    /** The output folder the run first started with. */
    static final String OUTPUT = "output";
    /** Why the run's version is issued ({@code run --reason}): a non-identifying parameter, kept at the first start. */
    static final String REASON = "reason";

    @Bean
    Job jobRunJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestService ingest,
            AnalysisService analysis, ReportService reports, LocalJobExecutions localExecutions) {
        Step ingestSources = step("ingestSources", jobRepository, transactionManager, (contribution, chunk) -> {
            JobFile job = jobFile(chunk);
            // each file registered under the run: a run resumed after a kill takes the files it had registered as
            // they were, instead of registering each again as a duplicate of itself
            long runInstance = chunk.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
            List<Long> fileIds = new ArrayList<>();
            long rows = 0;
            long refused = 0;
            for (IngestRequest request : JobSources.resolve(job)) {
                FileReport file;
                try {
                    file = ingest.ingest(request, runInstance);
                } catch (IngestFailedException e) {
                    if (e.stopped()) {
                        throw new JobInterruptedException(e.getMessage());
                    }
                    throw e;
                }
                fileIds.add(file.fileId());
                rows += file.read();
                refused += file.outcome() == FileReport.Outcome.REFUSED ? 1 : 0;
            }
            contribution.incrementWriteCount(rows);
            context(chunk).putString(FILE_IDS, fileIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
            if (refused > 0) {
                throw new SourcesRefusedException(fileIds, refused);
            }
            return RepeatStatus.FINISHED;
        });
        Step analyzePeriod = step("analyzePeriod", jobRepository, transactionManager, (contribution, chunk) -> {
            JobExecution execution = chunk.getStepContext().getStepExecution().getJobExecution();
            AnalysisResult result = analysis.analyze(request(chunk), execution.getJobInstanceId());
            contribution.incrementWriteCount(result.findings() + result.pending());
            context(chunk).putLong(RUN_ID, result.runId());
            return RepeatStatus.FINISHED;
        });
        Step analyzeTrendPeriods = step("analyzeTrendPeriods", jobRepository, transactionManager, (contribution, chunk) -> {
            analysis.analyzeTrendPeriods(runId(chunk, analysis), request(chunk));
            return RepeatStatus.FINISHED;
        });
        Step publishReports = step("publishReports", jobRepository, transactionManager, (contribution, chunk) -> {
            reports.publish(runId(chunk, analysis), request(chunk), Path.of(context(chunk).getString(OUTPUT)),
                    jobFile(chunk).reports(), context(chunk).containsKey(REASON) ? context(chunk).getString(REASON)
                            : null);
            return RepeatStatus.FINISHED;
        });
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(localExecutions)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        keepDefinition(execution, jobRepository);
                    }
                })
                .start(ingestSources)
                .next(analyzePeriod)
                .next(analyzeTrendPeriods)
                .next(publishReports)
                .build();
    }

    /**
     * Reads the job file once, when the run first starts, and keeps its text and the output folder in the run's
     * context: a run resumed after someone edited the file analyses and publishes with the job it started with.
     * (A restart of a job instance starts from the context of its last execution, so this is there already.)
     */
    private static void keepDefinition(JobExecution execution, JobRepository jobRepository) {
        ExecutionContext context = execution.getExecutionContext();
        if (!context.containsKey(DEFINITION)) {
            JobParameters parameters = execution.getJobParameters();
            Path file = Path.of(parameters.getString("job.file"));
            String text = JobFile.read(file);
            JobFile.parse(file, text); // a file that no longer reads right fails the run here, before any step
            context.putString(DEFINITION, text);
            context.putString(OUTPUT, parameters.getString("output"));
            if (parameters.getString(REASON) != null) {
                context.putString(REASON, parameters.getString(REASON));
            }
            jobRepository.updateExecutionContext(execution);
        }
    }

    private static Step step(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet tasklet) {
        return new StepBuilder(name, jobRepository)
                .tasklet(tasklet, transactionManager)
                .transactionAttribute(new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED))
                .listener(new StepLog())
                .build();
    }

    private static JobParameters parameters(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobParameters();
    }

    /** The run's own context: what its steps hand on (file ids, the analysis run), kept across a restart. */
    private static ExecutionContext context(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
    }

    /**
     * The run's analysis: as the analysis step put it in the run's context, else (an engine killed after the step
     * committed and before the context was saved) the analysis stored for this job instance.
     */
    private static long runId(ChunkContext chunk, AnalysisService analysis) {
        ExecutionContext context = context(chunk);
        if (context.containsKey(RUN_ID)) {
            return context.getLong(RUN_ID);
        }
        long instance = chunk.getStepContext().getStepExecution().getJobExecution().getJobInstanceId();
        Long stored = analysis.storedRun(instance).orElseThrow(() -> new IllegalStateException(
                "the run's analysis step completed but its analysis is not in the ledger"));
        context.putLong(RUN_ID, stored);
        return stored;
    }

    /** The job as it was when the run first started (see {@link #keepDefinition}). */
    private static JobFile jobFile(ChunkContext chunk) {
        return definition(chunk.getStepContext().getStepExecution().getJobExecution());
    }

    static JobFile definition(JobExecution execution) {
        return JobFile.parse(Path.of(execution.getJobParameters().getString("job.file")),
                execution.getExecutionContext().getString(DEFINITION));
    }

    private static AnalysisRequest request(ChunkContext chunk) {
        JobParameters parameters = parameters(chunk);
        JobFile job = jobFile(chunk);
        return new AnalysisRequest(job.name(), ReportingPeriod.parse(parameters.getString("period"),
                job.reportingZone()), Instant.parse(parameters.getString("as.of")), job.policy());
    }
}
