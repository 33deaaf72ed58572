package com.releaseledger.reporting;

import java.nio.file.Path;
import java.util.List;

/**
 * An output folder written for a run.
 *
 * @param folder     where the files are ({@code <output>/<job>/<period>/}, or {@code .../vN/} for a re-run)
 * @param version    1 for the first run of a job and period, then 2, 3, ...
 * @param supersedes the folder of the version it replaces, or null
 * @param files      every file written, the manifest last
 * @param manifestSha256 the SHA-256 of its manifest
 * @param parts      how long each part took, in the order written: the CSV files, the trend periods, each document
 *                   file (empty when read back from the ledger); documents written at the same time overlap
 * @param documentsSeconds how long the documents took together, from the first started to the last written (0 when
 *                   read back from the ledger)
 */
public record PublishedRun(Path folder, int version, Path supersedes, List<Path> files, String manifestSha256,
        List<Part> parts, double documentsSeconds) {

    /**
     * One part of publishing.
     *
     * @param name     what it wrote ({@code csv files}, or a document's file name such as {@code audit-pack.pdf})
     * @param document the document it wrote, or null for the CSV files and the trend periods
     * @param seconds  how long it took
     */
    public record Part(String name, Document document, double seconds) {
    }
}
