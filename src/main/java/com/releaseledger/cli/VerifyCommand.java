package com.releaseledger.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.releaseledger.kernel.BadInputException;
import com.releaseledger.reporting.Verification;
import com.releaseledger.reporting.Verifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code release-ledger verify DIR}: every hash in an output folder, and the chain back to the first run. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify an output folder: recompute every hash its manifest lists, check the manifest is the "
                + "one the ledger recorded, and walk the chain of manifests back to the job's first run.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every hash matches and the chain is whole", "1:a mismatch, a missing file or a broken "
                + "chain (each named in the output)", "2:bad usage, or a folder that does not exist"})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "DIR", description = "An output folder (OUTPUT/JOB/PERIOD or .../vN).")
    Path folder;

    @Option(names = "--files-only", description = "Accept a folder the ledger in use has no record of, checking its "
            + "files against its own manifest alone (the last line says so): anyone holding a folder can rewrite it.")
    boolean filesOnly;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            // said before the ledger is opened: there is nothing to look up for a folder that is not there
            throw new BadInputException(Files.exists(folder) ? folder + " is not a folder: verify takes an output"
                    + " folder (OUTPUT/JOB/PERIOD or .../vN)" : "folder " + folder + " does not exist");
        }
        Verification verification;
        try (Ledger ledger = Ledger.openToRead(database)) {
            verification = ledger.get(Verifier.class).verify(folder, filesOnly);
        }
        PrintWriter out = spec.commandLine().getOut();
        verification.lines().forEach(out::println);
        out.flush();
        return verification.passed() ? Cli.OK : Cli.FAILED;
    }
}
