package com.releaseledger.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.releaseledger.kernel.batch.LocalJobExecutions;
import com.releaseledger.kernel.batch.StepLog;

/**
 * The ingest of one source file, as a restartable Spring Batch job: read and validate its records and write them,
 * invisible, in chunks (loadRows); then publish the whole file at once (publishFile).
 * Job parameters: {@code file.id} (identifying; the registry row), {@code path}, {@code kind}, {@code format},
 * {@code zone} and optionally {@code max.rejected.share}.
 */
@Configuration(proxyBeanMethods = false)
class IngestJobConfiguration {

    static final String JOB_NAME = "ingest-file";
    static final int CHUNK_SIZE = 10_000;
    private static final tools.jackson.databind.json.JsonMapper CONSTANTS = tools.jackson.databind.json.JsonMapper
            .builder().build();

    @Bean
    @StepScope
    SourceFileReader sourceFileReader(@Value("#{jobParameters['path']}") String path,
            @Value("#{jobParameters['kind']}") String kind, @Value("#{jobParameters['format']}") String format,
            @Value("#{jobParameters['file.id']}") Long fileId, @Value("#{jobParameters['zone']}") String zone,
            @Value("#{jobParameters['profile'] ?: ''}") String profile,
            @Value("#{jobParameters['profile.sha256'] ?: ''}") String profileSha256,
            @Value("#{jobParameters['constants'] ?: ''}") String constants, DataSource dataSource) {
        Long committed = new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForObject(
                "SELECT rows_read FROM source_file WHERE file_id = ?", Long.class, fileId);
        Profile through = null;
        if (!profile.isEmpty()) {
            through = Profile.resolve(profile, null);
            if (!through.sha256().equals(profileSha256)) {
                // a restart must read the rest of the file as its start was read
                throw new MalformedSourceException(path, 1, "profile " + through.describe() + " changed since the"
                        + " load of this file began (SHA-256 " + profileSha256 + ", now " + through.sha256() + ")");
            }
        }
        return new SourceFileReader(Path.of(path), Kind.of(kind), SourceFormat.of(format),
                committed == null ? 0 : committed, new RowValidator(Kind.of(kind), ZoneId.of(zone)), fileId,
                through, constants.isEmpty() ? Map.of() : CONSTANTS.readValue(constants,
                        new tools.jackson.core.type.TypeReference<Map<String, String>>() { }));
    }

    @Bean
    @StepScope
    LedgerRowWriter ledgerRowWriter(DataSource dataSource, SourceFileReader sourceFileReader,
            @Value("#{jobParameters['kind']}") String kind, @Value("#{jobParameters['file.id']}") Long fileId) {
        return new LedgerRowWriter(dataSource, Kind.of(kind), fileId, sourceFileReader);
    }

    @Bean
    Step loadRowsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SourceFileReader sourceFileReader, LedgerRowWriter ledgerRowWriter,
            List<ItemWriteListener<LedgerRow>> writeListeners) {
        ChunkOrientedStepBuilder<LedgerRow, LedgerRow> step = new StepBuilder("loadRows", jobRepository)
                .<LedgerRow, LedgerRow>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(sourceFileReader) // reads, validates and encodes on a thread of its own
                .writer(ledgerRowWriter);
        step.listener(new StepLog()); // first in, so its line comes after the progress line is cleared
        writeListeners.forEach(step::listener);
        return step.build();
    }

    @Bean
    @StepScope
    PublishFileTasklet publishFileTasklet(DataSource dataSource, @Value("#{jobParameters['kind']}") String kind,
            @Value("#{jobParameters['file.id']}") Long fileId, @Value("#{jobParameters['path']}") String path,
            @Value("#{jobParameters['max.rejected.share']}") String maxRejectedShare) {
        return new PublishFileTasklet(dataSource, Kind.of(kind), fileId, java.nio.file.Path.of(path),
                maxRejectedShare == null || maxRejectedShare.isBlank() ? null : new BigDecimal(maxRejectedShare));
    }

    @Bean
    Step publishFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            PublishFileTasklet publishFileTasklet) {
        return new StepBuilder("publishFile", jobRepository)
                .tasklet(publishFileTasklet, transactionManager)
                .listener(new StepLog())
                .build();
    }

    @Bean
    Job ingestFileJob(JobRepository jobRepository, Step loadRowsStep, Step publishFileStep,
            LocalJobExecutions localExecutions) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(localExecutions)
                .start(loadRowsStep)
                .next(publishFileStep)
                .build();
    }

    @Bean
    IngestProgress ingestProgress() {
        return new IngestProgress();
    }
}
