package com.releaseledger.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestRequest;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.ingest.Kind;
import com.releaseledger.ingest.SourceFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code release-ledger ingest --kind KIND FILE...}: ingests files of one kind and prints the reconciliation. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest files of one kind into the ledger and print the reconciliation.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file loaded or skipped as already ingested", "1:the ingest failed",
                "2:a file was refused (broken, or above --max-rejected-share), or bad usage"})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--kind", required = true, paramLabel = "KIND", converter = Converters.KindName.class,
            description = "deployments, changes, incidents, services, blackouts, exceptions or approvals.")
    Kind kind;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Converters.Format.class,
            description = "csv or jsonl (default: from each file's extension; .jsonl/.ndjson/.json are JSON Lines).")
    SourceFormat format;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = Converters.Zone.class,
            description = "Zone of timestamps written without an offset (default ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(names = "--max-rejected-share", paramLabel = "SHARE",
            description = "Refuse a file whole when more than this share (0 to 1) of its rows is rejected.")
    BigDecimal maxRejectedShare;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to ingest, in the order given.")
    List<Path> files;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        List<FileReport> reports = new ArrayList<>();
        try (Ledger ledger = Ledger.open(database)) {
            IngestService ingest = ledger.get(IngestService.class);
            for (Path file : files) {
                SourceFormat fileFormat = format != null ? format : SourceFormat.fromPath(file);
                reports.add(ingest.ingest(new IngestRequest(kind, file, fileFormat, zone, maxRejectedShare)));
            }
        }
        Reconciliation.print(spec.commandLine().getOut(), reports, (System.nanoTime() - started) / 1e9);
        return reports.stream().anyMatch(r -> r.outcome() == FileReport.Outcome.REFUSED) ? Cli.BAD_INPUT : Cli.OK;
    }
}
