package com.releaseledger.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** RFC 4180 CSV with a header row; fields may hold quoted commas and line breaks. */
final class CsvRecordSource implements RecordSource {

    /** Empty lines are kept as records so that the line a record starts on can be counted exactly. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final String file;
    private final Kind kind;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int[] columnToField;
    private final int columns;
    private final Set<String> ignored = new LinkedHashSet<>();

    CsvRecordSource(String file, Reader reader, Kind kind) throws IOException {
        this.file = file;
        this.kind = kind;
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        this.records = parser.iterator();
        CSVRecord header = nextRecord(1);
        if (header == null || (header.size() == 1 && header.get(0).isBlank())) {
            throw new MalformedSourceException(file, 1, "no header row; expected the columns " + fieldNames());
        }
        this.columns = header.size();
        this.columnToField = mapHeader(header);
    }

    private int[] mapHeader(CSVRecord header) {
        int[] mapping = new int[header.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int column = 0; column < header.size(); column++) {
            String name = header.get(column).trim().toLowerCase(Locale.ROOT);
            if (seen.put(name, column) != null) {
                throw new MalformedSourceException(file, 1, "column \"" + name + "\" appears twice in the header");
            }
            mapping[column] = kind.fieldIndex(name);
            if (mapping[column] < 0) {
                ignored.add(header.get(column).trim());
            }
        }
        List<String> missing = new ArrayList<>();
        for (Field field : kind.fields()) {
            if (field.required() && !seen.containsKey(field.name())) {
                missing.add(field.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new MalformedSourceException(file, 1, "the header lacks required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + "; a " + kind.id() + " file needs " + requiredNames());
        }
        return mapping;
    }

    @Override
    public SourceRecord next(long ordinal) {
        Line line = nextLine(records, parser, file);
        if (line == null) {
            return null;
        }
        if (line.record().size() != columns) {
            return line.wrongWidth(ordinal, columns);
        }
        String[] values = new String[kind.fields().size()];
        for (int column = 0; column < columns; column++) {
            if (columnToField[column] >= 0) {
                values[columnToField[column]] = line.record().get(column);
            }
        }
        return new SourceRecord(ordinal, line.number(), values, line.raw(), null);
    }

    /** A record of a CSV file, with the physical line it starts on. */
    record Line(long number, CSVRecord record) {

        /** The record's text, for the rejected-rows table. */
        Supplier<String> raw() {
            return () -> FORMAT.format((Object[]) record.values());
        }

        /** The rejected row of a record whose field count is not the header's. */
        SourceRecord wrongWidth(long ordinal, int columns) {
            return new SourceRecord(ordinal, number, null, raw(),
                    "has " + record.size() + " fields; the header has " + columns);
        }
    }

    /** The next record that holds something (a blank line holds none), or null at the end of the file. */
    static Line nextLine(Iterator<CSVRecord> records, CSVParser parser, String file) {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord record = next(records, parser, file, line);
            if (record == null) {
                return null;
            }
            if (!(record.size() == 1 && record.get(0).isEmpty())) {
                return new Line(line, record);
            }
        }
    }

    private CSVRecord nextRecord(long line) {
        return next(records, parser, file, line);
    }

    /** The next record of a parser, or null; broken quoting and unreadable bytes refuse the file at their line. */
    static CSVRecord next(Iterator<CSVRecord> records, CSVParser parser, String file, long line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            if (message.contains("EOF reached before encapsulated token finished")) {
                throw new MalformedSourceException(file, line,
                        "unbalanced quoting: a quoted field that starts here is never closed");
            }
            if (message.contains("encapsulated token")) {
                throw new MalformedSourceException(file, line, "bad quoting: " + message);
            }
            throw RecordSource.unreadable(file, parser.getCurrentLineNumber() + 1, e);
        }
    }

    @Override
    public Set<String> ignoredColumns() {
        return ignored;
    }

    private String fieldNames() {
        return Arrays.toString(kind.fields().stream().map(Field::name).toArray());
    }

    private String requiredNames() {
        return Arrays.toString(kind.fields().stream().filter(Field::required).map(Field::name).toArray());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
