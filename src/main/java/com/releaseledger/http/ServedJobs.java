package com.releaseledger.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.releaseledger.kernel.BadInputException;
import com.releaseledger.scheduling.JobFile;

/** The jobs whose gate {@code serve --http} answers for, by name (their {@code job:} key). */
public final class ServedJobs {

    private final Map<String, JobFile> byName = new TreeMap<>();

    /** @throws BadInputException when two job files have the same name: a pipeline could not tell them apart */
    public ServedJobs(List<JobFile> jobs) {
        for (JobFile job : jobs) {
            JobFile other = byName.putIfAbsent(job.name(), job);
            if (other != null) {
                throw new BadInputException("jobs " + other.file() + " and " + job.file() + " are both named "
                        + job.name() + ": the gate could not tell them apart");
            }
        }
    }

    Optional<JobFile> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
