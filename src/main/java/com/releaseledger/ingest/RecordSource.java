package com.releaseledger.ingest;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.commons.io.input.BOMInputStream;

import com.releaseledger.kernel.Failures;

/** Records streamed out of one source file, in order; never the whole file in memory. */
interface RecordSource extends Closeable {

    /** The next record, numbered {@code ordinal}, or null at the end of the file. */
    SourceRecord next(long ordinal);

    /** Columns (CSV) or keys (JSON Lines) that are not canonical fields and were ignored. */
    Set<String> ignoredColumns();

    /** Opens a file of the given kind and format, checking its structure as far as its start shows it. */
    static RecordSource open(Path path, Kind kind, SourceFormat format) {
        return open(path, kind, format, null, Map.of());
    }

    /** Opens a file, through a source profile when one is given (DESIGN.md 2.6). */
    static RecordSource open(Path path, Kind kind, SourceFormat format, Profile profile, Map<String, String> constants) {
        String name = path.toString();
        try {
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new MalformedSourceException(name, 1, "unreadable: not a readable regular file");
            }
            if (Files.size(path) == 0) {
                throw new MalformedSourceException(name, 1, "the file is empty (0 bytes)"
                        + (format == SourceFormat.CSV ? "; expected a header row" : ""));
            }
            Reader reader = utf8Reader(path);
            if (profile != null) {
                return new ProfileRecordSource(name, reader, profile, constants);
            }
            return format == SourceFormat.CSV
                    ? new CsvRecordSource(name, reader, kind)
                    : new JsonLinesRecordSource(name, reader, kind);
        } catch (IOException e) {
            throw new MalformedSourceException(name, 1, "unreadable: " + e.getMessage());
        }
    }

    /** A strict UTF-8 reader (malformed bytes are an error naming their line, not U+FFFD) that drops a byte-order mark. */
    private static Reader utf8Reader(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        InputStream withoutBom = BOMInputStream.builder().setInputStream(in).get();
        return new StrictUtf8Reader(withoutBom);
    }

    /** Turns a failure to read into the structural error that refuses the file. */
    static MalformedSourceException unreadable(String file, long line, Throwable failure) {
        StrictUtf8Reader.InvalidUtf8Exception invalid = Failures.causeOf(failure,
                StrictUtf8Reader.InvalidUtf8Exception.class).orElse(null);
        if (invalid != null) {
            return new MalformedSourceException(file, invalid.line(), "not valid UTF-8 (bytes that do not decode)");
        }
        return new MalformedSourceException(file, line, "unreadable: " + failure.getMessage());
    }
}
