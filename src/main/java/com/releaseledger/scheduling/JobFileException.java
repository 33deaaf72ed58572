package com.releaseledger.scheduling;

import com.releaseledger.kernel.BadInputException;

/** A job file that cannot be used: names the file, the line and key where known, and what was expected. */
public class JobFileException extends BadInputException {

    public JobFileException(String message) {
        super(message);
    }
}
