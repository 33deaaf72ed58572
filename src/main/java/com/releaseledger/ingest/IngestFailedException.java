package com.releaseledger.ingest;

/**
 * Ingest stopped for a reason other than the file's content (database, internal error, interruption).
 * The file stays registered as loading and the next ingest of the same file resumes it.
 */
public class IngestFailedException extends RuntimeException {

    private final boolean stopped;

    public IngestFailedException(String message, Throwable cause) {
        this(message, cause, false);
    }

    IngestFailedException(String message, Throwable cause, boolean stopped) {
        super(message, cause);
        this.stopped = stopped;
    }

    /** Whether the load was stopped on request (SIGTERM), rather than failed. */
    public boolean stopped() {
        return stopped;
    }
}
