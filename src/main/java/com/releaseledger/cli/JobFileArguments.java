package com.releaseledger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.releaseledger.scheduling.JobFile;

import picocli.CommandLine.Parameters;

/** The job files a command works on ({@code jobs} and {@code serve}): those named, else every jobs/*.yml. */
final class JobFileArguments {

    @Parameters(paramLabel = "JOBFILE", arity = "0..*", description = "Job files (default: jobs/*.yml).")
    List<Path> jobFiles;

    /** Reads and checks every job file, in the order given (jobs/*.yml in byte order). */
    List<JobFile> load() {
        return (jobFiles != null && !jobFiles.isEmpty() ? jobFiles : defaultJobFiles()).stream()
                .map(JobFile::load).toList();
    }

    private static List<Path> defaultJobFiles() {
        try (Stream<Path> files = Files.list(Path.of("jobs"))) {
            return files.filter(path -> path.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no jobs/ folder here: name the job files", e);
        }
    }
}
