package com.releaseledger.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestRequest;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.ingest.Kind;
import com.releaseledger.ingest.Profile;
import com.releaseledger.ingest.SourceFormat;
import com.releaseledger.kernel.BadInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code release-ledger ingest --kind KIND FILE...} or {@code --profile NAME FILE...}: ingests files of one kind (a
 * tool's export through a source profile) and prints the reconciliation.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest files of one kind into the ledger and print the reconciliation. A tool's export is read "
                + "through a source profile (--profile servicenow-change, or a path to a .yml file), which gives the "
                + "kind.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file loaded or skipped as already ingested", "1:the ingest failed",
                "2:a file was refused (broken, or above --max-rejected-share), or bad usage"})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--kind", paramLabel = "KIND", converter = Converters.KindName.class,
            description = "deployments, changes, incidents, services, blackouts, exceptions or approvals "
                    + "(not needed with --profile).")
    Kind kind;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Read the files through this source profile: a shipped one's name (servicenow-change, "
                    + "servicenow-approval, servicenow-incident, jsm-change, jsm-approval, jsm-incident, pagerduty-incident, "
                    + "pagerduty-analytics, github-deployment, gitlab-deployment) or a path to a profile file.")
    String profile;

    @Option(names = "--constant", paramLabel = "FIELD=VALUE",
            description = "With --profile: the value of a canonical field that the records leave empty "
                    + "(--constant service=payments); repeatable.")
    Map<String, String> constants = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", converter = Converters.Format.class,
            description = "csv or jsonl (default: from each file's extension; .jsonl/.ndjson/.json are JSON Lines).")
    SourceFormat format;

    @Option(names = "--zone", paramLabel = "ZONE", converter = Converters.Zone.class,
            description = "Zone of timestamps written without an offset (default: the profile's, else UTC).")
    ZoneId zone;

    @Option(names = "--max-rejected-share", paramLabel = "SHARE",
            description = "Refuse a file whole when more than this share (0 to 1) of its rows is rejected.")
    BigDecimal maxRejectedShare;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to ingest, in the order given.")
    List<Path> files;

    @Override
    public Integer call() {
        Profile through = profile == null ? null : Profile.resolve(profile, Path.of(""));
        if (through == null && kind == null) {
            throw new BadInputException(
                    "say what the files hold: --kind KIND, or --profile PROFILE for a tool's export");
        }
        if (through != null && kind != null && kind != through.kind()) {
            throw new BadInputException("--kind " + kind.id() + " contradicts profile " + through.name()
                    + ", which reads " + through.kind().id() + " (leave --kind out)");
        }
        if (through == null && !constants.isEmpty()) {
            throw new BadInputException("--constant goes with --profile");
        }
        ZoneId sourceZone = zone != null ? zone : through != null && through.zone() != null ? through.zone()
                : ZoneId.of("UTC");
        long started = System.nanoTime();
        List<FileReport> reports = new ArrayList<>();
        try (Ledger ledger = Ledger.open(database)) {
            IngestService ingest = ledger.get(IngestService.class);
            for (Path file : files) {
                if (through != null) {
                    reports.add(ingest.ingest(IngestRequest.through(through, file, sourceZone, constants,
                            maxRejectedShare)));
                    continue;
                }
                SourceFormat fileFormat = format != null ? format : SourceFormat.fromPath(file);
                reports.add(ingest.ingest(new IngestRequest(kind, file, fileFormat, sourceZone, maxRejectedShare)));
            }
        }
        Reconciliation.print(spec.commandLine().getOut(), reports, (System.nanoTime() - started) / 1e9);
        return reports.stream().anyMatch(r -> r.outcome() == FileReport.Outcome.REFUSED) ? Cli.BAD_INPUT : Cli.OK;
    }
}
