package com.releaseledger.scheduling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.releaseledger.ingest.IngestRequest;

/** The files a job's sources name now, in the order they are ingested, each as an ingest request. */
final class JobSources {

    private JobSources() {
    }

    /**
     * Resolves every source of the job to its files.
     *
     * @throws JobFileException when a source names no file
     */
    static List<IngestRequest> resolve(JobFile job) {
        List<IngestRequest> requests = new ArrayList<>();
        for (SourceSpec source : job.sources()) {
            List<Path> matched = source.files();
            if (matched.isEmpty() || !Files.isRegularFile(matched.get(0))) {
                throw new JobFileException(job.file() + ": source " + source.kind().id() + " \"" + source.pattern()
                        + "\" names no file (relative to " + source.base() + ")");
            }
            for (Path file : matched) {
                requests.add(source.request(relative(file), job.maxRejectedShare()));
            }
        }
        return requests;
    }

    /** Paths as a person reads them: relative to the working directory when the file lies below it. */
    private static Path relative(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}
