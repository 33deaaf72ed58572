package com.releaseledger.kernel.batch;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The job executions running in this engine (not those of another engine on the same database), so that a stop
 * request stops only this engine's own work. Every job registers it as a listener.
 */
@Component
public class LocalJobExecutions implements JobExecutionListener {

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeJob(JobExecution jobExecution) {
        running.add(jobExecution.getId());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        running.remove(jobExecution.getId());
    }

    /** The ids of the executions running here now. */
    public List<Long> ids() {
        return List.copyOf(running);
    }
}
