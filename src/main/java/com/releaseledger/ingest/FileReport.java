package com.releaseledger.ingest;

/**
 * The reconciliation of one ingested file: {@code read = loaded + rejected + duplicate} for a loaded file.
 *
 * @param fileId      the registry row (source_file.file_id)
 * @param path        the file as given
 * @param kind        what it holds
 * @param sha256      hex SHA-256 of its bytes
 * @param sizeBytes   its size
 * @param outcome     loaded, skipped (already ingested) or refused (nothing of it loaded)
 * @param read        records read
 * @param loaded      new versions stored
 * @param rejected    rows rejected, kept in rejected_row
 * @param duplicate   rows equal to the latest version of their id, adding nothing
 * @param duplicateOf for a skipped file, the loaded file with the same SHA-256
 * @param error       for a refused file, what is wrong and where
 * @param ignoredColumns columns or keys that are not canonical fields, or null
 * @param ignoredValues  invalid optional values ignored in kept rows (data-quality items in ingest_note)
 * @param profile        the source profile it was read through ({@code name(source)}), or null
 * @param profileSha256  the SHA-256 of that profile's text, or null
 */
public record FileReport(long fileId, String path, Kind kind, String sha256, long sizeBytes, Outcome outcome,
        long read, long loaded, long rejected, long duplicate, Long duplicateOf, String error, String ignoredColumns,
        long ignoredValues, String profile, String profileSha256) {

    /** What became of a file. */
    public enum Outcome { LOADED, SKIPPED, REFUSED }

    public boolean reconciles() {
        return outcome != Outcome.LOADED || read == loaded + rejected + duplicate;
    }
}
