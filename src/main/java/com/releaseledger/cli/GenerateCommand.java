package com.releaseledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;

import com.releaseledger.generate.DataGenerator;
import com.releaseledger.generate.GeneratorSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code release-ledger generate --out DIR}: writes a deterministic, realistic data set in the canonical formats. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a deterministic, realistic organisation's sources (services, blackouts, exceptions, "
                + "changes, deployments per month, incidents as JSON Lines), with every governance rule planted "
                + "each month and a small share of malformed rows.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--months", paramLabel = "N", defaultValue = "6", description = "Months of data (default ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--end", paramLabel = "YYYY-MM", defaultValue = "2026-10",
            description = "The last month (default ${DEFAULT-VALUE}).")
    YearMonth end;

    @Option(names = "--services", paramLabel = "N", defaultValue = "20", description = "Services (default ${DEFAULT-VALUE}).")
    int services;

    @Option(names = "--teams", paramLabel = "N", description = "Teams, at most 12 (default: services / 4, at most 12).")
    Integer teams;

    @Option(names = "--deployments-per-month", paramLabel = "N",
            description = "Production deployments a month, roughly (default: 35 per service).")
    Integer deploymentsPerMonth;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "20261026", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--malformed-share", paramLabel = "SHARE", defaultValue = "0.003",
            description = "Share of deliberately malformed rows; 0 for none (default ${DEFAULT-VALUE}).")
    double malformedShare;

    @Option(names = "--deployments-per-change", paramLabel = "N", defaultValue = "1",
            description = "At most this many deployments of a service within two hours ship one change "
                    + "(default ${DEFAULT-VALUE}: a change per deployment).")
    int deploymentsPerChange;

    @Option(names = "--incident-factor", paramLabel = "X", defaultValue = "1",
            description = "Incidents relative to the usual rate of about 4 per 100 deployments (default ${DEFAULT-VALUE}).")
    double incidentFactor;

    @Option(names = "--hold-releases", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Teams mostly hold releases once a service's error budget is spent (default); "
                    + "--no-hold-releases keeps every planned deployment (the benchmark's month).")
    boolean holdReleases;

    @Option(names = "--as", paramLabel = "TOOLS", defaultValue = "",
            description = "Also write the records as these tools export them, in DIR/<tool>/: servicenow (changes "
                    + "and approvals), pagerduty (incidents), github (deployments), comma-separated.")
    String as;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Europe/London", converter = Converters.Zone.class,
            description = "The organisation's zone (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Override
    public Integer call() throws Exception {
        int teamCount = teams != null ? teams : Math.max(1, Math.min(12, services / 4));
        GeneratorSettings settings = new GeneratorSettings(end.minusMonths(months - 1L), months, services, teamCount,
                deploymentsPerMonth != null ? deploymentsPerMonth : services * 35, seed, malformedShare, zone,
                deploymentsPerChange, incidentFactor, holdReleases);
        long started = System.nanoTime();
        Map<String, Long> rows = DataGenerator.generate(out, settings, as);
        PrintWriter printer = spec.commandLine().getOut();
        long total = 0;
        for (Map.Entry<String, Long> file : rows.entrySet()) {
            printer.printf("%-45s %,12d rows%n", out.resolve(file.getKey()), file.getValue());
            total += file.getValue();
        }
        printer.printf("%,d rows in %d files in %.1f s%n", total, rows.size(), (System.nanoTime() - started) / 1e9);
        return Cli.OK;
    }
}
