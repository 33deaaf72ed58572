package com.releaseledger.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.releaseledger.LedgerApplication;
import com.releaseledger.kernel.batch.LocalJobExecutions;

/**
 * The running engine behind a command: the Spring context with the ledger database, opened and closed once.
 * On SIGTERM it first stops this engine's running job (a job's run at the end of its current step, an ingest at
 * its next chunk boundary; recorded as STOPPED and resumed there by the next run) and waits for the command to
 * record the stop, then closes the context and with it the database: never the database under a running job.
 */
final class Ledger implements AutoCloseable {

    private static final long STOP_WAIT_MILLIS = 150_000; // an analysis step at 1M deployments takes about a minute

    private final ConfigurableApplicationContext context;
    private final Thread shutdownHook;
    private final CountDownLatch commandDone = new CountDownLatch(1);
    private volatile boolean stopping;

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

    /** Whether a stop was requested (SIGTERM): start nothing new. */
    boolean stopping() {
        return stopping;
    }

    private void stopGracefully() {
        stopping = true;
        if (!context.isActive()) {
            return;
        }
        try {
            JobOperator operator = context.getBean(JobOperator.class);
            // only this engine's own executions: another engine on the same database goes on
            List<Long> running = context.getBean(LocalJobExecutions.class).ids();
            for (Long id : running) {
                try {
                    operator.stop(id);
                } catch (JobExecutionNotRunningException ended) {
                    // it ended meanwhile
                }
            }
            if (!running.isEmpty()) {
                // the command's thread records the stop (STOPPED, at a step or chunk boundary) and closes the ledger
                commandDone.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
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
            commandDone.countDown(); // the hook closes the context
            return;
        }
        context.close();
    }
}
