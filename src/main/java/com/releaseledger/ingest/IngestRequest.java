package com.releaseledger.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

import com.releaseledger.kernel.BadInputException;

/**
 * What to ingest: one file of one kind.
 *
 * @param kind             the kind of records in the file
 * @param path             the file
 * @param format           CSV or JSON Lines
 * @param zone             the zone of timestamps written without an offset
 * @param maxRejectedShare the largest share of rejected rows (0 to 1) the file may have, or null for no limit
 */
public record IngestRequest(Kind kind, Path path, SourceFormat format, ZoneId zone, BigDecimal maxRejectedShare) {

    public IngestRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(zone, "zone");
        if (maxRejectedShare != null
                && (maxRejectedShare.signum() < 0 || maxRejectedShare.compareTo(BigDecimal.ONE) > 0)) {
            throw new BadInputException("max rejected share " + maxRejectedShare + " is not between 0 and 1");
        }
    }

    /** A file of the given kind, its format taken from its extension, timestamps without offset in UTC. */
    public static IngestRequest of(Kind kind, Path path) {
        return new IngestRequest(kind, path, SourceFormat.fromPath(path), ZoneId.of("UTC"), null);
    }
}
