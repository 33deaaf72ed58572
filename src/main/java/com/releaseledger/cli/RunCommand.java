package com.releaseledger.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.scheduling.JobFile;
import com.releaseledger.scheduling.JobFileException;
import com.releaseledger.scheduling.SourceSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code release-ledger run JOBFILE --period P}: runs a job for a period (for now: ingests its sources). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a job for a period: ingest its sources and print the reconciliation.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the run failed", "2:a wrong job file, a missing source, a refused file, "
                + "or bad usage"})
final class RunCommand implements Callable<Integer> {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])|\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])"
            + "|\\d{4}-Q[1-4]");

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "JOBFILE", description = "The job file (jobs/*.yml).")
    Path jobFile;

    @Option(names = "--period", required = true, paramLabel = "PERIOD",
            description = "The period the run reports: a month (2026-10), ISO week (2026-W41) or quarter (2026-Q4).")
    String period;

    @Override
    public Integer call() {
        if (!PERIOD.matcher(period).matches()) {
            throw new IllegalArgumentException("period \"" + period
                    + "\" is not a month (2026-10), an ISO week (2026-W41) or a quarter (2026-Q4)");
        }
        JobFile job = JobFile.load(jobFile);
        List<Path> files = new ArrayList<>();
        List<SourceSpec> specs = new ArrayList<>();
        for (SourceSpec source : job.sources()) {
            List<Path> matched = source.files();
            if (matched.isEmpty() || !Files.isRegularFile(matched.get(0))) {
                throw new JobFileException(jobFile + ": source " + source.kind().id() + " \"" + source.pattern()
                        + "\" names no file (relative to " + source.base() + ")");
            }
            for (Path file : matched) {
                files.add(file);
                specs.add(source);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("job %s, period %s, %d source file(s), ledger: %s%n", job.name(), period, files.size(),
                database.describe());
        out.flush();
        long started = System.nanoTime();
        List<FileReport> reports = new ArrayList<>();
        try (Ledger ledger = Ledger.open(database)) {
            IngestService ingest = ledger.get(IngestService.class);
            for (int i = 0; i < files.size(); i++) {
                reports.add(ingest.ingest(specs.get(i).request(relative(files.get(i)), job.maxRejectedShare())));
            }
        }
        Reconciliation.print(out, reports, (System.nanoTime() - started) / 1e9);
        return reports.stream().anyMatch(r -> r.outcome() == FileReport.Outcome.REFUSED) ? Cli.BAD_INPUT : Cli.OK;
    }

    /** Paths as a person reads them: relative to the working directory when the file lies below it. */
    private static Path relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}
