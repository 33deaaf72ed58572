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
    private RecordSource source;

    SourceFileReader(Path path, Kind kind, SourceFormat format) {
        this.path = path;
        this.kind = kind;
        this.format = format;
        setName("sourceFile");
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
