package com.releaseledger.ingest;

import java.util.List;

/** A source record after validation: either a typed row for the ledger or a rejection with its reason. */
sealed interface LedgerRow {

    long ordinal();

    long line();

    /**
     * A valid row: typed values in the kind's field order, any ignored invalid optional values, and (once encoded
     * for its file) its line of COPY text with its row hash, or null before.
     */
    record Accepted(long ordinal, long line, Object[] values, List<Note> notes, String copyLine) implements LedgerRow {

        Accepted(long ordinal, long line, Object[] values, List<Note> notes) {
            this(ordinal, line, values, notes, null);
        }

        Accepted encoded(String text) {
            return new Accepted(ordinal, line, values, notes, text);
        }
    }

    /** A row that failed validation; kept with its raw text and the reason. */
    record Rejected(long ordinal, long line, String raw, String reason) implements LedgerRow {
    }

    /** An optional value that was invalid and ignored: a data-quality item, not a rejection. */
    record Note(String field, String value, String note) {
    }
}
