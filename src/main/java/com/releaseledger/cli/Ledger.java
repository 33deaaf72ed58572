package com.releaseledger.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.releaseledger.LedgerApplication;
import com.releaseledger.http.ServedJobs;
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
        return open(database, false);
    }

    /**
     * The engine for a command that only reads the ledger ({@code runs}, {@code jobs}, {@code verify}): each bean is
     * made when the command first asks for it (Spring's lazy initialisation), so the report writers, the batch jobs
     * and the ingest machinery it never uses cost nothing at start.
     */
    static Ledger openToRead(DatabaseOptions database) {
        return open(database, true);
    }

    private static Ledger open(DatabaseOptions database, boolean lazy) {
        return new Ledger(builder(database).web(WebApplicationType.NONE).lazyInitialization(lazy).run());
    }

    /**
     * The engine of {@code serve --http}: the same, with the web server on and the gate's endpoints (module
     * {@code http}) answering for {@code jobs}; the web server stops with the engine.
     *
     * @param web the web server's properties ({@code server.port}, the token)
     */
    static Ledger openServing(DatabaseOptions database, Map<String, Object> web, ServedJobs jobs) {
        return new Ledger(builder(database).web(WebApplicationType.SERVLET).properties(web)
                .initializers(context -> context.getBeanFactory().registerSingleton("servedJobs", jobs))
                .run());
    }

    private static SpringApplicationBuilder builder(DatabaseOptions database) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false) // our own hook orders the stop: jobs first, then the database
                .properties(database.properties());
    }

    /** The port the web server of {@link #openServing} listens on (the one asked for, or the one given for 0). */
    int httpPort() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
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
        boolean stoppedARun = false;
        try {
            JobRepository repository = context.getBean(JobRepository.class);
            // only this engine's own executions: another engine on the same database goes on
            List<Long> running = context.getBean(LocalJobExecutions.class).ids();
            for (Long id : running) {
                requestStop(repository, id);
            }
            if (!running.isEmpty()) {
                stoppedARun = true;
                // the command's thread records the stop (STOPPED, at a step or chunk boundary) and closes the ledger
                commandDone.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            System.err.println("release-ledger: stopping the running job: " + e.getMessage());
        } finally {
            context.close();
            System.out.flush();
            System.err.flush();
            // the documented exit code, not the signal's 143: 1 for a run stopped (the next run resumes it), 0 when
            // nothing was running. The command's own System.exit cannot run once the JVM is shutting down.
            Runtime.getRuntime().halt(stoppedARun ? Cli.FAILED : Cli.OK);
        }
    }

    /**
     * Marks a running execution STOPPING in the job repository; its step sees that at its next chunk or step
     * boundary (the repository sets the step terminate-only when it saves it) and ends STOPPED. Not
     * {@code JobOperator.stop}: in Spring Batch 6 it also saves the running step's execution from this thread,
     * which bumps the version under the step's own thread, whose next save then fails and leaves the step UNKNOWN
     * (spring-projects/spring-batch#5120, #5484; seen here about once in five SIGTERM tests).
     */
    private static void requestStop(JobRepository repository, long id) {
        JobExecution execution = repository.getJobExecution(id);
        if (execution != null && execution.isRunning() && !execution.isStopping()) {
            execution.setStatus(BatchStatus.STOPPING);
            repository.update(execution);
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
