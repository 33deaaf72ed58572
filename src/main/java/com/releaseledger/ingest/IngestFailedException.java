package com.releaseledger.ingest;

/**
 * Ingest stopped for a reason other than the file's content (database, internal error, interruption).
 * The file stays registered as loading and the next ingest of the same file resumes it.
 */
public class IngestFailedException extends RuntimeException {

    public IngestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
