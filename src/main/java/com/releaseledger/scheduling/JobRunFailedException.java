package com.releaseledger.scheduling;

/** A run of a job failed in one of its steps; the next run of the same job and period resumes at that step. */
public class JobRunFailedException extends RuntimeException {

    JobRunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
