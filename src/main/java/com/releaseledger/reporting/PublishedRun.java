package com.releaseledger.reporting;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An output folder written for a run.
 *
 * @param folder     where the files are ({@code <output>/<job>/<period>/}, or {@code .../vN/} for a re-run)
 * @param version    1 for the first run of a job and period, then 2, 3, ...
 * @param supersedes the folder of the version it replaces, or null
 * @param files      every file written, the manifest last
 * @param manifestSha256 the SHA-256 of its manifest
 * @param seconds    how long each part took, in the order written: the CSV files, the trend periods, each document
 *                   by file name (empty when read back from the ledger)
 */
public record PublishedRun(Path folder, int version, Path supersedes, List<Path> files, String manifestSha256,
        Map<String, Double> seconds) {
}
