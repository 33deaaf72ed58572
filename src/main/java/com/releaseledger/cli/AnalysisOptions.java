package com.releaseledger.cli;

import java.time.Instant;
import java.time.ZoneId;

import picocli.CommandLine.Option;

/** The options {@code run} and {@code analyze} share: when deadlines are judged, and when to exit 3. */
final class AnalysisOptions {

    @Option(names = "--as-of", paramLabel = "TIMESTAMP",
            description = "When deadlines are judged (default: the period end); without an offset, in the reporting "
                    + "zone.")
    String asOf;

    @Option(names = "--fail-on-findings", paramLabel = "SEVERITY", converter = Converters.Severity.class,
            description = "Exit 3 when the run finds findings of this severity or higher (high or medium).")
    String failOnFindings;

    /** {@code --as-of} as an instant (without an offset, in {@code zone}), or null for the period end. */
    Instant asOf(ZoneId zone) {
        return Analysis.asOf(asOf, zone);
    }
}
