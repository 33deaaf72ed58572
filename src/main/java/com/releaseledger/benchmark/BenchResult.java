package com.releaseledger.benchmark;

import java.util.List;

/**
 * What a benchmark measured.
 *
 * @param scale                  the scale's name
 * @param phases                 every phase in the order run: the generator, the limit step, the engine, re-ingests
 * @param copyRowsPerSecond      the bare COPY of the deployments file
 * @param ingestRowsPerSecond    the engine's ingest of the same file
 * @param limitSeconds           the limit step: every bare COPY and the plain aggregates
 * @param fairLimitSeconds       the fair limit: every bare COPY and the hand-written queries of every metric for
 *                               every scope and every rule's findings ({@code sql/bench/fair_limit.sql})
 * @param fairLimitMismatches    where the fair limit's values differ from the engine's (none: it computes the same)
 * @param fairLimitValuesChecked how many of the engine's metric values and findings the fair limit was checked
 *                               against
 * @param ingestAnalysisSeconds  the engine's ingest of every file and the analysis
 * @param documentsSeconds       the six documents (three PDFs, three workbooks)
 * @param totalSeconds           the whole monthly run: ingest, analysis, CSV files, trend periods, documents
 * @param peakHeapMb             the most Java heap in use at any sample (every 20 ms)
 * @param peakRssMb              the process's peak resident memory (VmHWM), or -1 where the system does not say
 * @param cores                  available processors
 * @param database               the database measured
 */
public record BenchResult(String scale, List<Phase> phases, double copyRowsPerSecond, double ingestRowsPerSecond,
        double limitSeconds, double fairLimitSeconds, List<String> fairLimitMismatches, long fairLimitValuesChecked,
        double ingestAnalysisSeconds, double documentsSeconds, double totalSeconds, double peakHeapMb,
        double peakRssMb, int cores, String database) {

    /** The engine's analysis alone. */
    public double analysisSeconds() {
        return phases.stream().filter(p -> p.measure() == Measure.ANALYSIS).mapToDouble(Phase::seconds).sum();
    }

    /** Ingest and analysis against the fair limit (issue 15: at most 2). */
    public double ingestAnalysisToFairLimitRatio() {
        return fairLimitSeconds == 0 ? 0 : ingestAnalysisSeconds / fairLimitSeconds;
    }

    /** Ingest and analysis against the old limit step (each metric for the organisation only). */
    public double ingestAnalysisToLimitRatio() {
        return limitSeconds == 0 ? 0 : ingestAnalysisSeconds / limitSeconds;
    }

    /** The month's deployments ingested through github-deployment (JSON Lines), in rows per second. */
    public double profileIngestRowsPerSecond() {
        return rate(Measure.PROFILE_DEPLOYMENTS_INGEST);
    }

    /** The canonical re-send of the deployments with 1 % changed: like the profile ingest, it checks every version. */
    public double resendRowsPerSecond() {
        return rate(Measure.RESEND);
    }

    private double rate(Measure measure) {
        return phases.stream().filter(p -> p.measure() == measure).mapToDouble(Phase::rowsPerSecond).findFirst()
                .orElse(0);
    }

    /** Ingest throughput relative to the bare COPY of the same file. */
    public double ingestToCopyRatio() {
        return copyRowsPerSecond == 0 ? 0 : ingestRowsPerSecond / copyRowsPerSecond;
    }

    /** The groups of phases, as the table and the JSON name them. */
    public enum Group {
        GENERATE("generate"), LIMIT("limit"), ENGINE("engine"), DOCUMENT("document"), RE_INGEST("re-ingest"),
        PROFILE("profile");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What a phase counts towards in the summary, whatever its display name. */
    public enum Measure {
        /** The bare COPY of the deployments file: the yardstick of ingest speed. */
        DEPLOYMENTS_COPY,
        /** The engine's ingest of the deployments file. */
        DEPLOYMENTS_INGEST,
        /** The engine's ingest of another file. */
        INGEST,
        ANALYSIS,
        /** The plain aggregates of the old limit step: each metric for the organisation only, no rule. */
        PLAIN_AGGREGATES,
        /** The fair limit's queries: every metric for every scope and every rule, by hand over the bare tables. */
        FAIR_LIMIT,
        /** One document's file: written at the same time as others, so these overlap. */
        DOCUMENT,
        /** All the documents, from the first started to the last written. */
        DOCUMENTS,
        /** The canonical deployments re-sent with 1 % of records changed. */
        RESEND,
        /** The same month's deployments as GitHub exports them, through the github-deployment profile. */
        PROFILE_DEPLOYMENTS_INGEST,
        OTHER
    }

    /**
     * One measured phase.
     *
     * @param group   generate, limit, engine, document or re-ingest
     * @param measure what it counts towards in the summary
     * @param name    what it did, for people
     * @param rows    the rows it handled
     * @param seconds how long it took
     * @param note    what else a reader should know (rows loaded, skipped), or empty
     */
    public record Phase(Group group, Measure measure, String name, long rows, double seconds, String note) {

        public double rowsPerSecond() {
            return seconds == 0 ? 0 : rows / seconds;
        }
    }
}
