package com.releaseledger.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.Policy;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.reporting.Document;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code release-ledger analyze --period P}: analyses what is already in the ledger, with the default policy. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse what is already in the ledger for a period, with the default policy, and write "
                + "metrics.csv, findings.csv and pending.csv to OUTPUT/ledger/PERIOD/.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (findings are data)", "1:the analysis failed", "2:bad usage",
                "3:only with --fail-on-findings: findings of that severity or higher"})
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--period", required = true, paramLabel = "PERIOD", converter = Converters.Period.class,
            description = "A month (2026-10), ISO week (2026-W41) or quarter (2026-Q4).")
    String period;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = Converters.Zone.class,
            description = "The reporting zone (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Mixin
    AnalysisOptions analysis;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "Where the files go (default ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() {
        ReportingPeriod reporting = ReportingPeriod.parse(period, zone);
        AnalysisRequest request = new AnalysisRequest("ledger", reporting, analysis.asOf(zone), Policy.defaults());
        try (Ledger ledger = Ledger.open(database)) {
            return Analysis.exitCode(Analysis.run(ledger, request, output, Document.all(),
                    spec.commandLine().getOut()), analysis.failOnFindings,
                    spec.commandLine().getOut());
        }
    }
}
