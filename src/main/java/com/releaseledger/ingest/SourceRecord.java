package com.releaseledger.ingest;

import java.util.function.Supplier;

/**
 * One record as read from a source file, before validation: where it came from and its raw field texts.
 *
 * @param ordinal 1-based position of the record among the file's records
 * @param line    the physical line on which the record starts (a CSV header is line 1)
 * @param values  field texts in the kind's field order; null where the column or key is absent
 * @param raw     the record's text, for the rejected-rows table (made only when the row is rejected)
 * @param problem why the record cannot be read as a row (wrong field count, not a JSON object), or null
 */
public record SourceRecord(long ordinal, long line, String[] values, Supplier<String> raw, String problem) {
}
