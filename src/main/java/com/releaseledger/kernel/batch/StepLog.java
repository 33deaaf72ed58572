package com.releaseledger.kernel.batch;

import java.time.Duration;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * The one line a step logs when it ends (the quiet default): the step, what it worked on, its status, its rows and
 * rows per second. Rows are the step's read or written items, whichever is larger; a tasklet counts its rows as
 * written items.
 */
public final class StepLog implements StepExecutionListener {

    /** The logger of the step lines, at INFO by default while everything else logs warnings only. */
    public static final String LOGGER = "release-ledger";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public ExitStatus afterStep(StepExecution step) {
        log.info(line(step));
        return null;
    }

    static String line(StepExecution step) {
        long rows = Math.max(step.getReadCount(), step.getWriteCount());
        LocalDateTime start = step.getStartTime();
        double seconds = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toNanos() / 1e9;
        StringBuilder line = new StringBuilder("step ").append(step.getStepName()).append(" (")
                .append(subject(step.getJobExecution().getJobParameters())).append("): ")
                .append(step.getStatus().name().toLowerCase(java.util.Locale.ROOT));
        if (rows > 0) {
            line.append(String.format(", %,d rows", rows));
        }
        line.append(String.format(" in %.1f s", seconds));
        if (rows > 0 && seconds > 0) {
            line.append(String.format(", %,.0f rows/s", rows / seconds));
        }
        return line.toString();
    }

    private static String subject(JobParameters parameters) {
        String path = parameters.getString("path");
        if (path != null) {
            return path;
        }
        return "job " + parameters.getString("job") + ", period " + parameters.getString("period");
    }
}
