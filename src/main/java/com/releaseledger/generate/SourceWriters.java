package com.releaseledger.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.releaseledger.ingest.Field;
import com.releaseledger.ingest.Kind;

import tools.jackson.databind.json.JsonMapper;

/**
 * The files the generator writes, in the canonical formats (DESIGN.md section 2): a CSV file of one kind has its
 * kind's fields as header, a JSON Lines file its kind's fields as keys in that order; rows are counted per file.
 * Rows go out as they are made. Other formats (the tools' exports) write through the same {@link Row}s.
 */
final class SourceWriters {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path out;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final ToolExports exports;

    SourceWriters(Path out, ToolExports exports) {
        this.out = out;
        this.exports = exports;
    }

    /** Rows written per file, in the order the files were opened. */
    Map<String, Long> rows() {
        return rows;
    }

    CsvFile csv(String name, Kind kind) throws IOException {
        Path file = out.resolve(name);
        Files.createDirectories(file.getParent());
        rows.put(name, 0L);
        return new CsvFile(name, kind, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    JsonLinesFile jsonLines(String name, Kind kind) throws IOException {
        rows.put(name, 0L);
        return new JsonLinesFile(name, kind, Files.newBufferedWriter(out.resolve(name), StandardCharsets.UTF_8));
    }

    private void count(String name) {
        rows.merge(name, 1L, Long::sum);
    }

    /** A CSV file of one kind: RFC 4180, header row, {@code \n} line ends. */
    final class CsvFile implements Closeable {
        private final String name;
        private final Kind kind;
        private final CSVPrinter printer;

        private CsvFile(String name, Kind kind, BufferedWriter writer) throws IOException {
            this.name = name;
            this.kind = kind;
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(Row.header(kind))
                    .setRecordSeparator('\n').get());
        }

        void write(Row row) throws IOException {
            writeMalformed(row);
            exports.written(name, row);
        }

        /** A row an exporter broke: in the canonical file only (a tool's own export would not hold it). */
        void writeMalformed(Row row) throws IOException {
            if (row.kind() != kind) {
                throw new IllegalArgumentException("a row of " + row.kind().id() + " in " + name);
            }
            printer.printRecord(row.values());
            count(name);
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }

    /** A JSON Lines file of one kind: one object a line, the kind's fields as keys in order. */
    final class JsonLinesFile implements Closeable {
        private final String name;
        private final Kind kind;
        private final Writer writer;

        private JsonLinesFile(String name, Kind kind, Writer writer) {
            this.name = name;
            this.kind = kind;
            this.writer = writer;
        }

        /** A record with typed values (numbers, booleans, nulls) by field name; unset fields are null. */
        void write(Map<String, Object> values) throws IOException {
            Map<String, Object> record = new LinkedHashMap<>();
            for (Field field : kind.fields()) {
                record.put(field.name(), values.get(field.name()));
            }
            if (!record.keySet().containsAll(values.keySet())) {
                throw new IllegalArgumentException(kind.id() + " have no field among " + values.keySet());
            }
            writer.write(JSON.writeValueAsString(record));
            writer.write('\n');
            count(name);
            exports.written(record);
        }

        /** A line written as it is (a line an exporter broke, for the rejected-rows register). */
        void writeRaw(String line) throws IOException {
            writer.write(line);
            writer.write('\n');
            count(name);
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
