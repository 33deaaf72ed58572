package com.releaseledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.util.FileSystemUtils;

import com.releaseledger.benchmark.BenchResult;
import com.releaseledger.benchmark.BenchScale;
import com.releaseledger.benchmark.Benchmark;
import com.releaseledger.kernel.BadInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code release-ledger bench [--scale 1m] [--keep] [--json FILE]}: the enterprise benchmark of issue 6, on a new
 * embedded database (or an empty one by --db-url), with its table of phases and the figures that matter.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark an enterprise month: generate it, measure a bare COPY of each file and a plain "
                + "aggregate per metric (the machine's limit), then the engine on the same files (ingest of each "
                + "kind, the analysis, each document) and re-ingests; print rows, seconds and rows/s per phase, the "
                + "ingest-to-COPY ratio, peak heap and peak process memory. Run it with -Xmx512m.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--scale", paramLabel = "SCALE", defaultValue = "1m",
            description = "100k, 1m, 3m or 10m deployment rows in the month (10k for a quick look); changes and "
                    + "incidents in proportion (default ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--keep", description = "Keep the generated files, the output and the database (else deleted).")
    boolean keep;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Folder for the generated files, the output and the embedded database (default: a new "
                    + "temporary folder).")
    Path work;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws IOException {
        BenchScale benchScale = BenchScale.of(scale);
        Path folder = work != null ? work : Files.createTempDirectory("release-ledger-bench-");
        if (Files.isDirectory(folder.resolve("data"))) {
            throw new BadInputException(folder + " already holds a benchmark's data: name an empty --work folder");
        }
        if (database.url == null || database.url.isBlank()) {
            if (database.dataDir == null) {
                database.dataDir = folder.resolve("db"); // a new embedded database: never the user's ledger
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("benchmark %s on %s, %d core(s), max heap %,d MB; working in %s%n", benchScale.name(),
                database.describe(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576, folder);
        String row = "%-10s %-48s %12s %9s %11s  %s%n";
        out.printf(row, "group", "phase", "rows", "seconds", "rows/s", "");
        out.flush();
        BenchResult result;
        try (Ledger ledger = Ledger.open(database)) {
            result = ledger.get(Benchmark.class).run(benchScale, folder, database.describe(), phase -> {
                out.printf(row, phase.group(), phase.name(), String.format("%,d", phase.rows()),
                        String.format("%.2f", phase.seconds()), phase.rows() == 0 ? "" : String.format("%,.0f",
                                phase.rowsPerSecond()), phase.note());
                out.flush();
            });
        } finally {
            if (!keep && work == null) {
                FileSystemUtils.deleteRecursively(folder);
            }
        }
        out.printf("%ncopy of deployments (bare COPY)      %,12.0f rows/s%n", result.copyRowsPerSecond());
        out.printf("ingest of deployments (engine)      %,12.0f rows/s  = %.2f x COPY%n", result.ingestRowsPerSecond(),
                result.ingestToCopyRatio());
        out.printf("ingest via github-deployment        %,12.0f rows/s  = %.2f x canonical ingest, %.2f x the 1 %% re-send%n",
                result.profileIngestRowsPerSecond(), ratio(result.profileIngestRowsPerSecond(),
                        result.ingestRowsPerSecond()), ratio(result.profileIngestRowsPerSecond(),
                        result.resendRowsPerSecond()));
        out.printf("limit step (COPY + org aggregates)  %12.1f s%n", result.limitSeconds());
        out.printf("fair limit (COPY + by hand)         %12.1f s  (%,d engine values and findings checked: %s)%n",
                result.fairLimitSeconds(), result.fairLimitValuesChecked(), result.fairLimitMismatches().isEmpty()
                        ? "the same" : result.fairLimitMismatches().size() + " differ");
        result.fairLimitMismatches().forEach(mismatch -> out.printf("  differs: %s%n", mismatch));
        out.printf("analysis                            %12.1f s%n", result.analysisSeconds());
        out.printf("ingest + analysis                   %12.1f s  = %.2f x fair limit, %.2f x limit%n",
                result.ingestAnalysisSeconds(), result.ingestAnalysisToFairLimitRatio(),
                result.ingestAnalysisToLimitRatio());
        out.printf("six documents (at the same time)    %12.1f s%n", result.documentsSeconds());
        out.printf("whole monthly run                   %12.1f s%n", result.totalSeconds());
        out.printf("peak heap used                      %12.0f MB (max %,d MB)%n", result.peakHeapMb(),
                Runtime.getRuntime().maxMemory() / 1048576);
        out.printf("peak process memory (RSS)           %12.0f MB%n", result.peakRssMb());
        out.flush();
        if (json != null) {
            Files.write(json, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()
                    .writeValueAsBytes(BenchJson.of(result)));
            out.printf("wrote %s%n", json);
        }
        if (keep || work != null) {
            out.printf("kept %s%n", folder);
        }
        out.flush();
        return Cli.OK;
    }

    /** The figures of {@code --json}, in this order, with snake_case names. */
    record BenchJson(String scale, String date, int cores, long maxHeapMb, String database, List<PhaseJson> phases,
            double copyRowsPerS, double ingestRowsPerS, double ingestToCopyRatio, double limitSeconds,
            double fairLimitSeconds, long fairLimitValuesChecked, List<String> fairLimitMismatches,
            double analysisSeconds, double ingestAnalysisSeconds, double ingestAnalysisToFairLimitRatio,
            double ingestAnalysisToLimitRatio, double documentsSeconds, double wholeRunSeconds, double totalSeconds,
            double peakHeapMb, double peakRssMb, double profileIngestRowsPerS, double profileToCanonicalIngestRatio,
            double profileToResendRatio) {

        static BenchJson of(BenchResult result) {
            return new BenchJson(result.scale(), LocalDate.now().toString(), result.cores(),
                    Runtime.getRuntime().maxMemory() / 1048576, result.database(),
                    result.phases().stream().map(PhaseJson::of).toList(), round(result.copyRowsPerSecond(), 0),
                    round(result.ingestRowsPerSecond(), 0), round(result.ingestToCopyRatio(), 3),
                    round(result.limitSeconds(), 2), round(result.fairLimitSeconds(), 2),
                    result.fairLimitValuesChecked(), result.fairLimitMismatches(), round(result.analysisSeconds(), 2),
                    round(result.ingestAnalysisSeconds(), 2), round(result.ingestAnalysisToFairLimitRatio(), 3),
                    round(result.ingestAnalysisToLimitRatio(), 3), round(result.documentsSeconds(), 2),
                    round(result.totalSeconds(), 2), round(result.totalSeconds(), 2),
                    round(result.peakHeapMb(), 0), round(result.peakRssMb(), 0),
                    round(result.profileIngestRowsPerSecond(), 0),
                    round(ratio(result.profileIngestRowsPerSecond(), result.ingestRowsPerSecond()), 3),
                    round(ratio(result.profileIngestRowsPerSecond(), result.resendRowsPerSecond()), 3));
        }
    }

    record PhaseJson(String group, String name, long rows, double seconds, double rowsPerS, String note) {

        static PhaseJson of(BenchResult.Phase phase) {
            return new PhaseJson(phase.group().label(), phase.name(), phase.rows(), round(phase.seconds(), 3),
                    round(phase.rowsPerSecond(), 0), phase.note());
        }
    }

    private static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
