package com.releaseledger.cli;

import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.releaseledger.LedgerApplication;

/**
 * The running engine behind a command: the Spring context with the ledger database, opened and closed once.
 * On SIGTERM it first stops the running ingest at its next chunk boundary (recorded as STOPPED, resumed by the
 * next run), then closes the context and with it the database: never the database under a running job.
 */
final class Ledger implements AutoCloseable {

    private static final String INGEST_JOB = "ingest-file";
    private static final long STOP_WAIT_MILLIS = 60_000;

    private final ConfigurableApplicationContext context;
    private final Thread shutdownHook;

    private Ledger(ConfigurableApplicationContext context) {
        this.context = context;
        this.shutdownHook = new Thread(this::stopGracefully, "release-ledger-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static Ledger open(DatabaseOptions database) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false) // our own hook orders the stop: jobs first, then the database
                .properties(database.properties())
                .run();
        return new Ledger(context);
    }

    <T> T get(Class<T> type) {
        return context.getBean(type);
    }

    private void stopGracefully() {
        if (!context.isActive()) {
            return;
        }
        try {
            JobRepository repository = context.getBean(JobRepository.class);
            JobOperator operator = context.getBean(JobOperator.class);
            Set<JobExecution> running = repository.findRunningJobExecutions(INGEST_JOB);
            for (JobExecution execution : running) {
                operator.stop(execution);
            }
            long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
            for (JobExecution execution : running) {
                while (System.currentTimeMillis() < deadline
                        && repository.getJobExecution(execution.getId()).isRunning()) {
                    Thread.sleep(100);
                }
            }
        } catch (Exception e) {
            System.err.println("release-ledger: stopping the running job: " + e.getMessage());
        } finally {
            context.close();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook closes the context
        }
        context.close();
    }
}
