package com.releaseledger.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams the validated rows of one source file. A thread of its own reads, validates and encodes the records a
 * few thousand ahead, so that parsing goes on while PostgreSQL takes the chunk before in its COPY: the two work at
 * once instead of in turns. The rows come out in file order, and a failure comes out where it happened, after the
 * rows before it. Restartable by count: after a failure the step reopens the file and skips the records that were
 * already committed.
 */
class SourceFileReader extends AbstractItemCountingItemStreamItemReader<LedgerRow> {

    private static final int BATCH = 500;
    private static final int BATCHES_AHEAD = 40;

    private final Path path;
    private final Kind kind;
    private final SourceFormat format;
    private final long committed;
    private final RowValidator validator;
    private final CopyLineEncoder encoder;
    private RecordSource source;
    private volatile BlockingQueue<Batch> queue;
    private volatile Thread producer;
    private volatile boolean closing;
    private Batch current;
    private int index;
    private volatile Set<String> ignored = Set.of();
    private final Profile profile;
    private final Map<String, String> constants;

    /** Rows handed over from the reading thread, or the end of the file, or the failure that stopped it. */
    private record Batch(List<LedgerRow> rows, RuntimeException failure, boolean end, Set<String> ignored) {
    }

    /**
     * @param committed records of the file already stored by an earlier, interrupted load (source_file.rows_read,
     *                  committed with those rows): the ledger's own record of how far the load got
     */
    SourceFileReader(Path path, Kind kind, SourceFormat format, long committed, RowValidator validator, long fileId) {
        this(path, kind, format, committed, validator, fileId, null, Map.of());
    }

    /** A file read through a source profile (or, with a null profile, a canonical file). */
    SourceFileReader(Path path, Kind kind, SourceFormat format, long committed, RowValidator validator, long fileId,
            Profile profile, Map<String, String> constants) {
        this.profile = profile;
        this.constants = constants;
        this.path = path;
        this.kind = kind;
        this.format = format;
        this.committed = committed;
        this.validator = validator;
        this.encoder = new CopyLineEncoder(fileId);
        setName("sourceFile");
    }

    /**
     * Restarts after the records already stored: where Spring Batch's saved count lags behind the ledger (a stop
     * between a chunk's commit and the save of the step's context), the ledger wins, so no record is written twice.
     * Then starts the reading thread.
     */
    @Override
    public void open(ExecutionContext executionContext) {
        super.open(executionContext);
        if (committed > getCurrentItemCount()) {
            setCurrentItemCount(skip(getCurrentItemCount(), committed));
        }
        ignored = Set.copyOf(source.ignoredColumns());
        queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        long start = getCurrentItemCount();
        producer = new Thread(() -> produce(start), "read-" + path.getFileName());
        producer.setDaemon(true);
        producer.start();
    }

    /** Restarting from Spring Batch's saved count: skipped here, not read through the reading thread. */
    @Override
    protected void jumpToItem(int itemIndex) {
        skip(0, itemIndex);
    }

    /** Reads past the records after {@code from} up to {@code to}; returns how far it got (the file may end). */
    private int skip(int from, long to) {
        int skipped = from;
        while (skipped < to && source.next(skipped + 1) != null) {
            skipped++;
        }
        return skipped;
    }

    @Override
    protected void doOpen() {
        closing = false;
        current = null;
        index = 0;
        source = RecordSource.open(path, kind, format, profile, constants);
    }

    private void produce(long start) {
        long ordinal = start;
        List<LedgerRow> rows = new ArrayList<>(BATCH);
        try {
            while (!closing) {
                SourceRecord record = source.next(++ordinal);
                if (record == null) {
                    hand(new Batch(rows, null, false, Set.copyOf(source.ignoredColumns())));
                    hand(new Batch(List.of(), null, true, Set.copyOf(source.ignoredColumns())));
                    return;
                }
                LedgerRow row = validator.process(record);
                rows.add(row instanceof LedgerRow.Accepted accepted ? accepted.encoded(encoder.encode(accepted)) : row);
                if (rows.size() == BATCH) {
                    hand(new Batch(rows, null, false, Set.copyOf(source.ignoredColumns())));
                    rows = new ArrayList<>(BATCH);
                }
            }
        } catch (RuntimeException e) {
            hand(new Batch(rows, null, false, Set.of()));
            hand(new Batch(List.of(), e, false, Set.of()));
        } catch (Error e) {
            hand(new Batch(rows, null, false, Set.of()));
            hand(new Batch(List.of(), new IllegalStateException("reading " + path + " failed: " + e, e), false,
                    Set.of()));
        }
    }

    private void hand(Batch batch) {
        try {
            while (!closing && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the step is busy with the chunk before: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The next row. A stop closes the reader while the step may be waiting here: that ends the chunk as a stop
     * (rolled back, the step STOPPED), never as the end of the file, which would publish it half loaded.
     */
    @Override
    protected LedgerRow doRead() throws InterruptedException, JobInterruptedException {
        while (current == null || index == current.rows().size()) {
            if (current != null && current.end()) {
                return null;
            }
            BlockingQueue<Batch> batches = queue;
            Thread reading = producer;
            if (closing || batches == null || reading == null) {
                throw new JobInterruptedException("the load of " + path + " was stopped");
            }
            Batch next = batches.poll(1, TimeUnit.SECONDS);
            if (next == null) {
                if (!reading.isAlive() && batches.isEmpty()) {
                    throw new IllegalStateException("the reading thread of " + path + " ended without a word");
                }
                continue;
            }
            if (next.failure() != null) {
                throw next.failure();
            }
            if (!next.ignored().isEmpty() || next.end()) {
                ignored = next.ignored();
            }
            current = next;
            index = 0;
        }
        return current.rows().get(index++);
    }

    @Override
    protected void doClose() throws Exception {
        closing = true;
        if (producer != null) {
            producer.interrupt();
            producer.join(10_000);
            producer = null;
        }
        if (source != null) {
            source.close();
            source = null;
        }
        queue = null;
    }

    Set<String> ignoredColumns() {
        return ignored;
    }
}
