package com.releaseledger.scheduling;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.releaseledger.ingest.IngestRequest;
import com.releaseledger.ingest.Kind;
import com.releaseledger.ingest.Profile;
import com.releaseledger.ingest.SourceFormat;

/**
 * One source of a job: a file or a glob of files of one kind, relative to the job file's folder.
 *
 * @param kind    what the files hold
 * @param pattern the path or glob as written in the job file
 * @param base    the job file's folder, which the pattern is relative to
 * @param format  the format, or null to take it from each file's extension
 * @param zone    the zone of timestamps written without an offset
 * @param profile the source profile its files are read through (DESIGN.md 2.6), or null for canonical files
 * @param constants canonical field -> the value for records that leave it empty (with a profile)
 */
public record SourceSpec(Kind kind, String pattern, Path base, SourceFormat format, ZoneId zone, Profile profile,
        Map<String, String> constants) {

    public SourceSpec(Kind kind, String pattern, Path base, SourceFormat format, ZoneId zone) {
        this(kind, pattern, base, format, zone, null, Map.of());
    }

    /**
     * The files the source names now, in byte order of their paths (DESIGN.md 2.5). A glob matches as the shell
     * would: its leading folders without wildcards may leave the job file's folder ({@code ../data/*.csv}) or be
     * absolute ({@code /exports/*.csv}); the rest is matched below them, one folder per part ({@code **} crosses
     * folders).
     */
    public List<Path> files() {
        if (!isGlob(pattern)) {
            return List.of(base.resolve(pattern).normalize());
        }
        String[] parts = pattern.split("/", -1);
        int first = 0;
        while (first < parts.length - 1 && !isGlob(parts[first])) {
            first++;
        }
        String fixed = String.join("/", Arrays.copyOfRange(parts, 0, first));
        String rest = String.join("/", Arrays.copyOfRange(parts, first, parts.length));
        Path root = (pattern.startsWith("/") ? Path.of("/" + fixed) : base.resolve(fixed)).normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.length - first;
        try (Stream<Path> walk = Files.walk(root, depth)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> matcher.matches(root.relativize(path)))
                    .map(Path::normalize)
                    .sorted((a, b) -> Arrays.compareUnsigned(bytes(a), bytes(b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    public IngestRequest request(Path file, BigDecimal maxRejectedShare) {
        if (profile != null) {
            return IngestRequest.through(profile, file, zone, constants, maxRejectedShare);
        }
        return new IngestRequest(kind, file, format != null ? format : SourceFormat.fromPath(file), zone,
                maxRejectedShare);
    }

    private static byte[] bytes(Path path) {
        return path.toString().getBytes(StandardCharsets.UTF_8);
    }
}
