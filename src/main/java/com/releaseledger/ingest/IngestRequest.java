package com.releaseledger.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.releaseledger.kernel.BadInputException;

/**
 * What to ingest: one file of one kind.
 *
 * @param kind             the kind of records in the file
 * @param path             the file
 * @param format           CSV or JSON Lines
 * @param zone             the zone of timestamps written without an offset
 * @param maxRejectedShare the largest share of rejected rows (0 to 1) the file may have, or null for no limit
 * @param profile          the source profile the file is read through (DESIGN.md 2.6), or null for a canonical file
 * @param constants        canonical field -> the value that fills it where a record leaves it empty (profiles only)
 */
public record IngestRequest(Kind kind, Path path, SourceFormat format, ZoneId zone, BigDecimal maxRejectedShare,
        Profile profile, Map<String, String> constants) {

    public IngestRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(zone, "zone");
        constants = constants == null ? Map.of() : Map.copyOf(new TreeMap<>(constants));
        if (profile != null && profile.kind() != kind) {
            throw new BadInputException("profile " + profile.name() + " reads " + profile.kind().id() + ", not "
                    + kind.id());
        }
        for (String field : constants.keySet()) {
            if (kind.fieldIndex(field) < 0) {
                throw new BadInputException("constant \"" + field + "\" is not a field of " + kind.id() + ": "
                        + kind.fields().stream().map(Field::name).toList());
            }
        }
        if (maxRejectedShare != null
                && (maxRejectedShare.signum() < 0 || maxRejectedShare.compareTo(BigDecimal.ONE) > 0)) {
            throw new BadInputException("max rejected share " + maxRejectedShare + " is not between 0 and 1");
        }
    }

    /** A canonical file (no profile). */
    public IngestRequest(Kind kind, Path path, SourceFormat format, ZoneId zone, BigDecimal maxRejectedShare) {
        this(kind, path, format, zone, maxRejectedShare, null, Map.of());
    }

    /** A tool's export read through a profile, which gives the kind and the format. */
    public static IngestRequest through(Profile profile, Path path, ZoneId zone, Map<String, String> constants,
            BigDecimal maxRejectedShare) {
        SourceFormat format = profile.formatOf(path) == Profile.Format.CSV ? SourceFormat.CSV : SourceFormat.JSONL;
        return new IngestRequest(profile.kind(), path, format, zone, maxRejectedShare, profile, constants);
    }

    /** The format as the file registry names it: csv, jsonl, or json (a JSON document, through a profile). */
    String formatId() {
        return profile == null ? format.id() : profile.formatOf(path).name().toLowerCase(Locale.ROOT);
    }

    /** A file of the given kind, its format taken from its extension, timestamps without offset in UTC. */
    public static IngestRequest of(Kind kind, Path path) {
        return new IngestRequest(kind, path, SourceFormat.fromPath(path), ZoneId.of("UTC"), null);
    }
}
