package com.releaseledger.cli;

import java.io.PrintWriter;

import com.releaseledger.ingest.IngestFailedException;
import com.releaseledger.kernel.BadInputException;
import com.releaseledger.kernel.EngineVersion;
import com.releaseledger.kernel.Failures;
import com.releaseledger.scheduling.JobRunFailedException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code release-ledger} command line. Exit codes, the same for every command: 0 success (findings are data),
 * 1 the run failed (database, internal error), 2 usage, configuration or structurally broken input, 3 only with
 * {@code --fail-on-findings}: the run succeeded and found findings of that severity or higher.
 */
@Command(name = "release-ledger", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Ingests deployments, changes and incidents into an audit ledger and analyses them: delivery "
                + "metrics, error budgets and governance findings.",
        subcommands = {RunCommand.class, IngestCommand.class, AnalyzeCommand.class, VerifyCommand.class, RunsCommand.class,
                JobsCommand.class, ServeCommand.class, GateCommand.class,
                GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success (findings are data, not failures)", "1:the run failed (database or internal error)",
                "2:usage, configuration or structurally broken input",
                "3:only with --fail-on-findings: the run succeeded and found findings of that severity or higher;"
                        + " for gate: the deployment is blocked"})
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int FINDINGS = 3;

    private Cli() {
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error streams, and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(Cli::handle);
        return commandLine.execute(args);
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
        if (verbose) {
            e.printStackTrace(err);
        }
        if (e instanceof BadInputException) {
            err.println("release-ledger: " + e.getMessage());
            return BAD_INPUT;
        }
        String message = e instanceof IngestFailedException || e instanceof JobRunFailedException ? e.getMessage()
                : Failures.rootMessage(e);
        err.println("release-ledger: " + message + (verbose ? "" : " (--verbose shows details)"));
        return FAILED;
    }

    /** The engine version, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"release-ledger " + EngineVersion.get()};
        }
    }
}
