package com.releaseledger.ingest;

import java.io.PrintStream;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Rows and rows per second of the file being loaded, as one line that updates in place, only on a terminal
 * (never as log lines, never into a pipe or a CI log).
 */
final class IngestProgress implements ItemWriteListener<LedgerRow>, StepExecutionListener {

    private static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintStream out = System.err;
    private final boolean terminal = System.console() != null;
    private String label = "";
    private long rows;
    private long startedNanos;
    private long shownNanos;
    private boolean shown;

    void start(String label) {
        this.label = label;
        this.rows = 0;
        this.startedNanos = System.nanoTime();
        this.shownNanos = startedNanos;
        this.shown = false;
    }

    @Override
    public void afterWrite(Chunk<? extends LedgerRow> items) {
        rows += items.size();
        long now = System.nanoTime();
        if (terminal && now - shownNanos >= INTERVAL_NANOS) {
            double seconds = (now - startedNanos) / 1e9;
            out.printf("\r  %s: %,d rows, %,.0f rows/s   ", label, rows, rows / seconds);
            out.flush();
            shownNanos = now;
            shown = true;
        }
    }

    /** The line goes before the step's log line is written. */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        finish();
        return null;
    }

    void finish() {
        if (shown) {
            out.print("\r\033[2K");
            out.flush();
            shown = false;
        }
    }
}
