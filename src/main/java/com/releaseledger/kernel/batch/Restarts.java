package com.releaseledger.kernel.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Makes a job startable again after an engine was killed anywhere in starting it. Spring Batch records a start in
 * steps (the job instance, then its execution, then each step's execution); a kill between them leaves a state
 * that the next start refuses. Called holding the lock that keeps other engines off this job (the job's or the
 * file's advisory lock), so whatever it finds half made belongs to an engine that is gone:
 * <ul>
 * <li>an instance without any execution (killed between the two): removed, so the job starts afresh (nothing ran);
 * <li>an execution still marked starting, started or stopping: marked failed ({@link JobOperator#recover}), so the
 * next start restarts it where its last completed step and committed chunk left it.
 * </ul>
 */
public final class Restarts {

    private static final Logger log = LoggerFactory.getLogger("release-ledger");

    private Restarts() {
    }

    /** Leaves the job with these parameters startable; returns whether an earlier attempt is resumed. */
    public static boolean recover(JobRepository repository, JobOperator operator, String jobName,
            JobParameters parameters) {
        JobInstance instance = repository.getJobInstance(jobName, parameters);
        if (instance == null) {
            return false;
        }
        if (repository.getJobExecutions(instance).isEmpty()) {
            log.info("{}: an engine stopped while starting it left no execution; starting it afresh", jobName);
            repository.deleteJobInstance(instance);
            return false;
        }
        JobExecution last = repository.getLastJobExecution(jobName, parameters);
        if (last != null && last.isRunning()) {
            operator.recover(last);
        }
        return true;
    }
}
