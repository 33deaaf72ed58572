package com.releaseledger.scheduling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a run's ingest step has finished, kept in the run's execution context as each one is done, so that a
 * run resumed after a failure or a kill takes their reports as they were: a file is the same file when its path,
 * size and modification time are (a file changed since is ingested again, as a new registration).
 */
final class IngestedFiles {

    private IngestedFiles() {
    }

    /** The file as it is now: its absolute path, size and modification time. */
    static String key(Path file) {
        try {
            return file.toAbsolutePath().normalize() + "\t" + Files.size(file) + "\t"
                    + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            // a file that cannot be read now is not one this run finished: ingest reports what is wrong with it
            return file.toAbsolutePath().normalize() + "\tunreadable";
        }
    }

    static Map<String, Long> read(String text) {
        Map<String, Long> done = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) {
                done.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1)));
            }
        }
        return done;
    }

    static String write(Map<String, Long> done) {
        StringBuilder text = new StringBuilder();
        done.forEach((key, fileId) -> text.append(key).append('\t').append(fileId).append('\n'));
        return text.toString();
    }
}
