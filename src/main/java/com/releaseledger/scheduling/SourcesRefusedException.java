package com.releaseledger.scheduling;

import java.util.List;

import com.releaseledger.kernel.BadInputException;

/**
 * A run stopped after its ingest because a source file was refused whole: the period's population would be
 * incomplete, so it is not analysed. The run restarts from its ingest once the file is mended.
 */
public class SourcesRefusedException extends BadInputException {

    private final List<Long> fileIds;

    SourcesRefusedException(List<Long> fileIds, long refused) {
        super(refused + " source file(s) refused: the population is incomplete, so the period is not analysed");
        this.fileIds = List.copyOf(fileIds);
    }

    /** Every file of the run's ingest, the refused ones included. */
    public List<Long> fileIds() {
        return fileIds;
    }
}
