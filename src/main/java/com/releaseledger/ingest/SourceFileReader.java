package com.releaseledger.ingest;

import java.nio.file.Path;
import java.util.Set;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the records of one source file. Restartable by count: after a failure the step reopens the file
 * and skips the records that were already committed.
 */
class SourceFileReader extends AbstractItemCountingItemStreamItemReader<SourceRecord> {

    private final Path path;
    private final Kind kind;
    private final SourceFormat format;
    private final long committed;
    private RecordSource source;

    /**
     * @param committed records of the file already stored by an earlier, interrupted load (source_file.rows_read,
     *                  committed with those rows): the ledger's own record of how far the load got
     */
    SourceFileReader(Path path, Kind kind, SourceFormat format, long committed) {
        this.path = path;
        this.kind = kind;
        this.format = format;
        this.committed = committed;
        setName("sourceFile");
    }

    /**
     * Restarts after the records already stored: where Spring Batch's saved count lags behind the ledger (a stop
     * between a chunk's commit and the save of the step's context), the ledger wins, so no record is written twice.
     */
    @Override
    public void open(org.springframework.batch.infrastructure.item.ExecutionContext executionContext) {
        super.open(executionContext);
        int from = getCurrentItemCount();
        for (int skipped = from; skipped < committed; skipped++) {
            if (source.next(skipped + 1) == null) {
                break;
            }
            setCurrentItemCount(skipped + 1);
        }
    }

    @Override
    protected void doOpen() {
        source = RecordSource.open(path, kind, format);
    }

    @Override
    protected SourceRecord doRead() {
        return source.next(getCurrentItemCount());
    }

    @Override
    protected void doClose() throws Exception {
        if (source != null) {
            source.close();
            source = null;
        }
    }

    Set<String> ignoredColumns() {
        return source == null ? Set.of() : source.ignoredColumns();
    }
}
