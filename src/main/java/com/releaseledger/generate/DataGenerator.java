package com.releaseledger.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;

import com.releaseledger.ingest.Kind;

/**
 * Writes a deterministic, realistic organisation's sources in the canonical formats (DESIGN.md section 2): the
 * {@link Organisation} (teams, services, blackouts), each month's {@link MonthlyRhythm} of deployments, changes and
 * incidents ({@link Events}), every governance rule RL01-RL15 planted each month ({@link PlantedScenarios}),
 * exceptions, a small share of malformed rows, and a resend of a few deployments as corrections. One seeded
 * sequence of draws ({@link Chance}) makes the same settings give byte-identical files; rows are written as they
 * are made ({@link SourceWriters}), so the output can be millions of rows without holding them.
 */
public final class DataGenerator {

    private DataGenerator() {
    }

    /** Writes the sources into {@code out} and returns the rows written per file. */
    public static Map<String, Long> generate(Path out, GeneratorSettings settings) throws IOException {
        return generate(out, settings, "");
    }

    /**
     * As {@link #generate(Path, GeneratorSettings)}, and the same records as the named tools export them
     * ({@code servicenow,pagerduty,github}) in {@code out/<tool>/}; the canonical files are the same either way.
     */
    public static Map<String, Long> generate(Path out, GeneratorSettings settings, String tools) throws IOException {
        try (ToolExports exports = tools.isBlank() ? ToolExports.none()
                : new ToolExports(out, ToolExports.Tool.of(tools))) {
            return generate(out, settings, exports);
        }
    }

    private static Map<String, Long> generate(Path out, GeneratorSettings settings, ToolExports exports)
            throws IOException {
        Files.createDirectories(out);
        Chance chance = new Chance(settings.seed());
        SourceWriters writers = new SourceWriters(out, exports);
        Organisation organisation = Organisation.make(settings, chance, writers);
        Events events;
        try (SourceWriters.CsvFile changes = writers.csv("changes.csv", Kind.CHANGES);
                SourceWriters.CsvFile exceptions = writers.csv("exceptions.csv", Kind.EXCEPTIONS);
                SourceWriters.JsonLinesFile incidents = writers.jsonLines("incidents.jsonl", Kind.INCIDENTS)) {
            events = new Events(settings, chance, organisation, changes, exceptions, incidents);
            MonthlyRhythm rhythm = new MonthlyRhythm(settings, chance, organisation, events);
            PlantedScenarios scenarios = new PlantedScenarios(chance, organisation, events);
            for (int m = 0; m < settings.months(); m++) {
                YearMonth month = settings.firstMonth().plusMonths(m);
                try (SourceWriters.CsvFile deployments = writers.csv("deployments-" + month + ".csv",
                        Kind.DEPLOYMENTS)) {
                    events.startMonth(month, deployments);
                    rhythm.month(month);
                    scenarios.plant(month, m);
                }
            }
        }
        try (SourceWriters.CsvFile corrections = writers.csv("corrections/deployments-" + settings.lastMonth()
                + ".csv", Kind.DEPLOYMENTS)) {
            events.writeCorrections(corrections);
        }
        return writers.rows();
    }
}
