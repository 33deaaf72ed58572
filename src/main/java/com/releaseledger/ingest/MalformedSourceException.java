package com.releaseledger.ingest;

import com.releaseledger.kernel.BadInputException;

/**
 * A source file whose structure is wrong (empty, not UTF-8, a missing required column, unbalanced quoting):
 * it is refused whole and nothing of it is loaded.
 */
public class MalformedSourceException extends BadInputException {

    private final String file;
    private final long line;
    private final String cause;

    public MalformedSourceException(String file, long line, String cause) {
        super(file + " line " + line + ": " + cause);
        this.file = file;
        this.line = line;
        this.cause = cause;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String reason() {
        return cause;
    }
}
