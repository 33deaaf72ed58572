package com.releaseledger.cli;

import java.io.PrintWriter;
import java.util.List;

import com.releaseledger.ingest.FileReport;

/** Prints the reconciliation of ingested files: per file read = loaded + rejected + duplicate, and totals. */
final class Reconciliation {

    private Reconciliation() {
    }

    static void print(PrintWriter out, List<FileReport> reports, double seconds) {
        int width = Math.max(4, reports.stream().mapToInt(r -> r.path().length()).max().orElse(4));
        String row = "%-" + width + "s  %-11s  %-8s  %10s  %10s  %10s  %10s%n";
        out.printf(row, "file", "kind", "outcome", "read", "loaded", "rejected", "duplicate");
        long read = 0;
        long loaded = 0;
        long rejected = 0;
        long duplicate = 0;
        for (FileReport r : reports) {
            out.printf(row, r.path(), r.kind().id(), r.outcome().name().toLowerCase(),
                    number(r.read()), number(r.loaded()), number(r.rejected()), number(r.duplicate()));
            read += r.read();
            loaded += r.loaded();
            rejected += r.rejected();
            duplicate += r.duplicate();
        }
        out.printf(row, "total", "", "", number(read), number(loaded), number(rejected), number(duplicate));
        for (FileReport r : reports) {
            switch (r.outcome()) {
                case SKIPPED -> out.printf("skipped %s: already ingested (same SHA-256 as file %d)%n",
                        r.path(), r.duplicateOf());
                case REFUSED -> out.printf("refused %s: %s%n", r.path(), r.error());
                default -> {
                }
            }
            if (r.profile() != null) {
                out.printf("note %s: read through profile %s, SHA-256 %s%n", r.path(), r.profile(), r.profileSha256());
            }
            if (r.ignoredColumns() != null) {
                out.printf(r.profile() != null ? "note %s: columns its profile does not read: %3$s%n"
                        : "note %s: ignored columns that are not %s fields: %s%n", r.path(), r.kind().id(),
                        r.ignoredColumns());
            }
            if (r.ignoredValues() > 0) {
                out.printf("note %s: %d invalid optional value(s) ignored, their rows kept (data-quality items)%n",
                        r.path(), r.ignoredValues());
            }
            if (!r.reconciles()) {
                out.printf("ERROR %s: read %d != loaded + rejected + duplicate%n", r.path(), r.read());
            }
        }
        long files = reports.stream().filter(r -> r.outcome() == FileReport.Outcome.LOADED).count();
        out.printf("%d file(s) loaded, %d skipped, %d refused; %s rows read in %.1f s%n", files,
                reports.stream().filter(r -> r.outcome() == FileReport.Outcome.SKIPPED).count(),
                reports.stream().filter(r -> r.outcome() == FileReport.Outcome.REFUSED).count(),
                number(read), seconds);
        out.flush();
    }

    private static String number(long value) {
        return String.format("%,d", value);
    }
}
