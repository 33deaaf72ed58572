package com.releaseledger.kernel;

/**
 * Input that a user gave is wrong (an option, a job file, a source file refused whole): the command exits 2 and
 * says what was expected. Anything else that escapes a command is a failure (exit 1), never taken for bad input.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
