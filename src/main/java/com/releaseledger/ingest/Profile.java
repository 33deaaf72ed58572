package com.releaseledger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.releaseledger.kernel.BadInputException;
import com.releaseledger.kernel.Sha256;

/**
 * A source profile (DESIGN.md 2.6): how one tool's export becomes records of one canonical kind before validation,
 * so every ingest rule of 2.5 holds unchanged. Read from a YAML file: the shipped ones ({@code jobs/profiles/},
 * also in the jar) by name, a user's own by path. A profile that is itself wrong is refused whole before any file
 * is read.
 *
 * @param name       the profile's name ({@code servicenow-change})
 * @param kind       the canonical kind it produces
 * @param format     what it reads: CSV, JSON Lines or a JSON document
 * @param recordsKey for a JSON document that is an object: the key of the array of records; null for an array
 * @param joinRepeated for CSV: whether a repeated header's non-empty cells are joined with {@code ;} (else the
 *                   first non-empty one)
 * @param zone       the zone of offset-less times when the source names none, or null (UTC)
 * @param expand     for JSON: the nested lists that give one record per element (outermost first), or empty
 * @param jsonStrings for JSON: keys whose value may be a JSON object written as a string
 * @param fields     canonical field name -> where its value comes from, in the profile's order
 * @param source     where it was read from ({@code jobs/profiles/servicenow-change.yml}, or the path)
 * @param sha256     the SHA-256 of the profile's text, named with every file it read
 * @param timestamps its timestamp patterns
 */
public record Profile(String name, Kind kind, Format format, String recordsKey, boolean joinRepeated, ZoneId zone,
        List<ProfileSources.Expansion> expand, List<String> jsonStrings, Map<String, ProfileSources.Source> fields,
        String source, String sha256, ProfileTimestamps timestamps) {

    /** What a profile reads. */
    public enum Format { CSV, JSONL, JSON }

    /** The folder of the shipped profiles, inside the jar. */
    static final String SHIPPED = "profiles/";

    /**
     * The profile a job source or {@code --profile} names: a path (it ends in {@code .yml} or {@code .yaml}, or
     * holds a {@code /}), read relative to {@code base}; else a shipped profile's name.
     */
    public static Profile resolve(String reference, Path base) {
        String ref = reference.trim();
        if (ref.endsWith(".yml") || ref.endsWith(".yaml") || ref.contains("/")) {
            Path file = (base == null ? Path.of(ref) : base.resolve(ref)).toAbsolutePath().normalize();
            try {
                byte[] bytes = Files.readAllBytes(file);
                return ProfileReader.read(new String(bytes, StandardCharsets.UTF_8), file.toString(), Sha256.of(bytes));
            } catch (IOException e) {
                throw new BadInputException("profile " + file + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return shipped(ref);
    }

    /** A shipped profile by name. */
    public static Profile shipped(String name) {
        try (InputStream in = Profile.class.getClassLoader().getResourceAsStream(SHIPPED + name + ".yml")) {
            if (in == null) {
                throw new BadInputException("profile \"" + name + "\" is not a shipped profile (one of "
                        + ProfileReader.SHIPPED_NAMES + ") nor a path to a .yml file");
            }
            byte[] bytes = in.readAllBytes();
            return ProfileReader.read(new String(bytes, StandardCharsets.UTF_8), "jobs/profiles/" + name + ".yml",
                    Sha256.of(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("the shipped profile " + name + " cannot be read", e);
        }
    }

    /** How the ingest job finds it again: a shipped profile's name, or the absolute path of a user's file. */
    public String reference() {
        return Path.of(source).isAbsolute() ? source : name;
    }

    /**
     * The format it reads a file in: a profile of JSON documents reads a {@code .jsonl} or {@code .ndjson} file as
     * JSON Lines of the same records (PagerDuty's incidents as pages, or one incident a line).
     */
    public Format formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return format == Format.JSON && (name.endsWith(".jsonl") || name.endsWith(".ndjson")) ? Format.JSONL : format;
    }

    /** The reference stored with each file it read: the profile's name and its source. */
    public String describe() {
        return name + " (" + source + ")";
    }
}
