package com.releaseledger.scheduling;

/** A job file that cannot be used: names the file, the line and key where known, and what was expected. */
public class JobFileException extends RuntimeException {

    public JobFileException(String message) {
        super(message);
    }
}
