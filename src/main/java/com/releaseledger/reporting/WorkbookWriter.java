package com.releaseledger.reporting;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

import org.apache.commons.csv.CSVPrinter;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.releaseledger.analysis.AnalysisCsvFiles;
import com.releaseledger.analysis.Numbers;

/**
 * Streams datasets into a workbook (Apache POI's SXSSF: a window of rows in memory, the rest flushed to disk).
 * Every sheet opens with a header block (the query and its SHA-256, the parameters, the generation time, the row
 * count), then a frozen, filterable header row; dates are real dates (UTC), numbers real numbers, text always
 * text (never a formula). A population larger than a sheet continues on the next, and is also written whole as a
 * CSV file beside the workbook ({@code <workbook>-<sheet>.csv}, named on its sheets), for the tools that can read
 * more rows than Excel.
 */
final class WorkbookWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkbookWriter.class);

    /** Header block: title, query, parameters, generated, rows, then a blank row and the column header row. */
    private static final int HEADER_ROWS = 6;
    static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - HEADER_ROWS - 1;

    /** The column added to each dataset's query for its row count (never shown). */
    private static final String TOTAL_COLUMN = "rl_sheet_rows";

    private final NamedParameterJdbcTemplate jdbc;
    private final String parameters;
    private final String generatedAt;
    private final int maxDataRows;

    WorkbookWriter(NamedParameterJdbcTemplate jdbc, String parameters, String generatedAt, int maxDataRows) {
        this.jdbc = jdbc;
        this.parameters = parameters;
        this.generatedAt = generatedAt;
        this.maxDataRows = maxDataRows;
    }

    /**
     * Writes the datasets of a run into {@code file}; call inside one REPEATABLE READ transaction. Returns the
     * workbook, then the CSV file of each population too large for one sheet, in the order of the sheets.
     */
    List<Path> write(Path file, long runId, List<Dataset> datasets) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        List<CsvCompanion> companions = new ArrayList<>();
        try (SXSSFWorkbook workbook = new FastSXSSFWorkbook(200)) {
            Files.createDirectories(file.getParent());
            workbook.setCompressTempFiles(false); // gzip of the temporary sheets cost more time than the disk it saves
            Styles styles = new Styles(workbook);
            for (Dataset dataset : datasets) {
                writeDataset(workbook, styles, runId, dataset, file, companions);
            }
            workbook.setForceFormulaRecalculation(true);
            try (OutputStream out = Files.newOutputStream(partial)) {
                workbook.write(out);
            }
            List<Path> files = new ArrayList<>();
            files.add(Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE));
            for (CsvCompanion companion : companions) {
                files.add(companion.publish());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        } finally {
            ManifestFiles.deletePartial(partial); // a file half written is never left behind
            companions.forEach(CsvCompanion::discard);
        }
    }

    /**
     * The CSV file beside {@code workbook} that holds a dataset's whole population: the workbook's name, a dash,
     * and the sheet's name in lower case with dashes ({@code audit-pack-deployments.csv}).
     */
    static Path companionOf(Path workbook, Dataset dataset) {
        String book = workbook.getFileName().toString().replaceFirst("\\.xlsx$", "");
        String sheet = dataset.sheet().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return workbook.resolveSibling(book + "-" + sheet + ".csv");
    }

    private void writeDataset(SXSSFWorkbook workbook, Styles styles, long runId, Dataset dataset, Path file,
            List<CsvCompanion> companions) {
        long started = System.nanoTime();
        MapSqlParameterSource run = new MapSqlParameterSource("run_id", runId);
        // the row count, which the sheet states before its first row, comes with every row: the population is read
        // once (counting it first ran each query twice). A window over the whole result with no ORDER BY of its own
        // hands the rows on in the order the query gave them.
        String counted = "SELECT q.*, count(*) OVER () AS " + TOTAL_COLUMN + " FROM (" + dataset.sql().text()
                + "\n) q";
        long rows = jdbc.query(counted, run, (ResultSetExtractor<Long>) rs -> {
            boolean any = rs.next();
            long total = any ? rs.getLong(TOTAL_COLUMN) : 0;
            CsvCompanion companion = null;
            if (!dataset.form() && total > maxDataRows) {
                companion = new CsvCompanion(companionOf(file, dataset));
                companions.add(companion);
            }
            SheetCursor cursor = new SheetCursor(workbook, styles, dataset, total, companion);
            cursor.start(rs.getMetaData());
            for (boolean more = any; more; more = rs.next()) {
                cursor.row(rs);
            }
            cursor.finish();
            if (companion != null) {
                companion.close();
            }
            return total;
        });
        log.debug("sheet {}: {} rows in {} s", dataset.sheet(), rows,
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
    }

    /**
     * A population's CSV file, written beside the workbook as its rows go to the sheets: the sheet's columns, UTF-8,
     * a header row and {@code \n} line ends like the run's other CSV files; times in UTC to the second
     * ({@code 2026-10-03T12:05:11Z}), numbers in plain notation, and text that a spreadsheet could take for a formula
     * with a leading {@code '}. Written to a {@code .partial} file, moved into place once the workbook is.
     */
    private static final class CsvCompanion {
        private final Path file;
        private final Path partial;
        private CSVPrinter printer;
        private Object[] values;

        CsvCompanion(Path file) {
            this.file = file;
            this.partial = file.resolveSibling(file.getFileName() + ".partial");
        }

        void start(String[] columns) {
            try {
                printer = new CSVPrinter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8),
                        AnalysisCsvFiles.FORMAT);
                printer.printRecord((Object[]) columns);
            } catch (IOException e) {
                throw failed(e);
            }
            values = new Object[columns.length];
        }

        void row(ResultSet rs, int[] types) throws SQLException {
            for (int i = 0; i < types.length; i++) {
                values[i] = switch (types[i]) {
                    case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                        Timestamp value = rs.getTimestamp(i + 1);
                        yield value == null ? null : value.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
                    }
                    case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.REAL ->
                        Numbers.forCsv(rs.getBigDecimal(i + 1));
                    case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> rs.getString(i + 1);
                    case Types.BOOLEAN, Types.BIT -> {
                        boolean value = rs.getBoolean(i + 1);
                        yield rs.wasNull() ? null : Boolean.toString(value);
                    }
                    default -> AnalysisCsvFiles.guard(rs.getString(i + 1));
                };
            }
            try {
                printer.printRecord(values);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        void close() {
            if (printer != null) {
                try {
                    printer.close();
                } catch (IOException e) {
                    throw failed(e);
                }
            }
        }

        private UncheckedIOException failed(IOException e) {
            return new UncheckedIOException("could not write " + partial + ": " + e.getMessage(), e);
        }

        Path publish() throws IOException {
            return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        void discard() {
            try {
                close();
            } catch (UncheckedIOException e) {
                // the failure that brought us here is what matters
            }
            ManifestFiles.deletePartial(partial);
        }
    }

    /** The sheet being filled, and the next one when it is full. */
    private final class SheetCursor {
        private final SXSSFWorkbook workbook;
        private final Styles styles;
        private final Dataset dataset;
        private final long total;
        private final CsvCompanion companion;
        private SXSSFSheet sheet;
        private int part;
        private int rowInSheet;
        private long written;
        private String[] columns;
        private int[] types;
        private boolean[] percent;
        private int unitColumn = -1;
        private int valueColumn = -1;

        SheetCursor(SXSSFWorkbook workbook, Styles styles, Dataset dataset, long total, CsvCompanion companion) {
            this.workbook = workbook;
            this.styles = styles;
            this.dataset = dataset;
            this.total = total;
            this.companion = companion;
        }

        void start(ResultSetMetaData meta) throws SQLException {
            columns(meta);
            if (companion != null) {
                companion.start(columns);
            }
            newSheet();
        }

        void row(ResultSet rs) throws SQLException {
            if (rowInSheet - HEADER_ROWS - 1 >= maxDataRows) {
                newSheet();
            }
            if (companion != null) {
                companion.row(rs, types);
            }
            Row row = sheet.createRow(rowInSheet++);
            if (dataset.form()) {
                formRow(rs, row);
                written++;
                return;
            }
            // a ratio in the Metrics sheet is a percentage like the PDFs', by the row's unit
            String unit = unitColumn < 0 ? null : rs.getString(unitColumn + 1);
            // a null value gets no cell at all (an empty cell in Excel): fewer cells to write
            for (int i = 0; i < columns.length; i++) {
                switch (types[i]) {
                    case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                        Timestamp value = rs.getTimestamp(i + 1);
                        if (value != null) {
                            Cell cell = row.createCell(i);
                            cell.setCellValue(LocalDateTime.ofInstant(value.toInstant(), ZoneOffset.UTC));
                            cell.setCellStyle(styles.date);
                        }
                    }
                    case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> {
                        long value = rs.getLong(i + 1);
                        if (!rs.wasNull()) {
                            Cell cell = row.createCell(i);
                            cell.setCellValue(value);
                            cell.setCellStyle(styles.integer);
                        }
                    }
                    case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.REAL -> {
                        BigDecimal value = rs.getBigDecimal(i + 1);
                        if (value != null) {
                            Cell cell = row.createCell(i);
                            cell.setCellValue(value.doubleValue());
                            cell.setCellStyle(percent[i] || (i == valueColumn && "ratio".equals(unit))
                                    ? styles.percent : styles.decimal);
                        }
                    }
                    case Types.BOOLEAN, Types.BIT -> {
                        boolean value = rs.getBoolean(i + 1);
                        if (!rs.wasNull()) {
                            Cell cell = row.createCell(i);
                            cell.setCellValue(value);
                            // an explicit style: else POI looks up the column's style in the sheet XML for each cell
                            cell.setCellStyle(styles.plain);
                        }
                    }
                    default -> {
                        String value = rs.getString(i + 1);
                        if (value != null) {
                            Cell cell = row.createCell(i);
                            cell.setCellValue(value.length() > 32_767 ? value.substring(0, 32_767) : value);
                            cell.setCellStyle(styles.plain);
                        }
                    }
                }
            }
            written++;
        }

        /** A form's row: its item, then the first value of its typed columns, as a cell of that type. */
        private void formRow(ResultSet rs, Row row) throws SQLException {
            row.createCell(0).setCellValue(rs.getString(1));
            for (int i = 1; i < columns.length; i++) {
                Object value = rs.getObject(i + 1);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(1);
                if (value instanceof Timestamp time) {
                    cell.setCellValue(LocalDateTime.ofInstant(time.toInstant(), ZoneOffset.UTC));
                    cell.setCellStyle(styles.date);
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(number instanceof Long || number instanceof Integer ? styles.integer
                            : styles.decimal);
                } else {
                    cell.setCellValue(value.toString());
                }
                return;
            }
        }

        private void columns(ResultSetMetaData meta) throws SQLException {
            columns = new String[meta.getColumnCount() - 1]; // all but the row count, the last
            types = new int[columns.length];
            percent = new boolean[columns.length];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = meta.getColumnLabel(i + 1);
                types[i] = meta.getColumnType(i + 1);
                percent[i] = isPercent(columns[i]);
                if (columns[i].equals("unit")) {
                    unitColumn = i;
                }
                if (columns[i].equals("value")) {
                    valueColumn = i;
                }
            }
        }

        private void newSheet() {
            part++;
            String name = part == 1 ? dataset.sheet() : dataset.sheet() + " (" + part + ")";
            sheet = workbook.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
            rowInSheet = 0;
            header(sheet, styles, dataset, total, part);
            Row head = sheet.createRow(rowInSheet++);
            if (dataset.form()) {
                for (int i = 0; i < 2; i++) {
                    Cell cell = head.createCell(i);
                    cell.setCellValue(i == 0 ? "item" : "value");
                    cell.setCellStyle(styles.columnHeader);
                    sheet.setColumnWidth(i, (i == 0 ? 28 : 90) * 256);
                }
                sheet.createFreezePane(0, rowInSheet);
                return;
            }
            for (int i = 0; i < columns.length; i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(columns[i] + (types[i] == Types.TIMESTAMP
                        || types[i] == Types.TIMESTAMP_WITH_TIMEZONE ? " (UTC)"
                        : columns[i].endsWith("_pct") ? " (%)" : ""));
                cell.setCellStyle(styles.columnHeader);
                sheet.setColumnWidth(i, width(columns[i], types[i]));
            }
            sheet.createFreezePane(0, rowInSheet);
        }

        private void header(SXSSFSheet sheet, Styles styles, Dataset dataset, long total, int part) {
            cell(sheet, 0, dataset.sheet() + (part > 1 ? " (continued, part " + part + ")" : ""), styles.title);
            cell(sheet, 1, "Query: sql/" + dataset.sql().name() + "   SHA-256 " + dataset.sql().sha256(), null);
            cell(sheet, 2, "Parameters: " + parameters, null);
            cell(sheet, 3, "Generated: " + generatedAt, null);
            cell(sheet, 4, "Rows: " + String.format("%,d", total) + (companion == null ? ""
                    : " (over " + (total + maxDataRows - 1) / maxDataRows + " sheets; all of them also in "
                            + companion.file.getFileName() + " beside this workbook)"), null);
            rowInSheet = HEADER_ROWS - 1;
            sheet.createRow(rowInSheet++);
        }

        private static void cell(SXSSFSheet sheet, int row, String text, CellStyle style) {
            Cell cell = sheet.createRow(row).createCell(0);
            cell.setCellValue(text);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }

        void finish() {
            if (written == 0) {
                // an empty population keeps its sheet and says so in words
                sheet.createRow(rowInSheet++).createCell(0).setCellValue("None: the population is empty for this run.");
            } else if (!dataset.form()) {
                sheet.setAutoFilter(new CellRangeAddress(HEADER_ROWS, rowInSheet - 1, 0, columns.length - 1));
            }
            if (written != total) {
                throw new IllegalStateException(dataset.sheet() + ": wrote " + written + " rows but counted " + total);
            }
        }
    }

    /**
     * Whether a column holds a ratio to show as a percentage (as the PDFs do): a rate or ratio, except the burn rate,
     * which is read as a multiple of the allowance (2.5 = two and a half budgets spent).
     */
    static boolean isPercent(String column) {
        return (column.endsWith("_rate") || column.endsWith("_ratio")) && !column.endsWith("burn_rate");
    }

    private static int width(String column, int type) {
        int base = switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> 21;
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.NUMERIC, Types.DECIMAL, Types.DOUBLE -> 14;
            case Types.BOOLEAN, Types.BIT -> 10;
            default -> column.contains("detail") || column.contains("reason") || column.contains("evidence")
                    || column.contains("title") || column.contains("path") || column.contains("raw") ? 60 : 22;
        };
        return Math.min(255, Math.max(base, column.length() + 8)) * 256;
    }

    /**
     * A streaming workbook whose final zip is deflated at the fastest level: at a million rows the default level
     * spent more time compressing than POI spent writing the sheets, for a file somewhat smaller.
     */
    private static final class FastSXSSFWorkbook extends SXSSFWorkbook {

        FastSXSSFWorkbook(int rowAccessWindowSize) {
            super(rowAccessWindowSize);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }

        /**
         * Each sheet's XML goes to its temporary file through a buffer without a lock: POI writes a cell in some
         * ten small pieces, and {@link java.io.BufferedWriter} takes its lock for every one (a third of the
         * time of writing the cells, in a profile of the audit workbook at a million rows).
         */
        @Override
        protected SheetDataWriter createSheetDataWriter() throws IOException {
            return new SheetDataWriter(getSharedStringSource()) {
                @Override
                public Writer createWriter(File fd) throws IOException {
                    FileOutputStream file = new FileOutputStream(fd);
                    try {
                        return new UnlockedBufferedWriter(
                                new OutputStreamWriter(decorateOutputStream(file), StandardCharsets.UTF_8));
                    } catch (IOException | RuntimeException e) {
                        file.close();
                        throw e;
                    }
                }
            };
        }
    }

    /**
     * A buffered writer for one thread: the characters collect in a buffer and go to the writer below in blocks of
     * 64K (which encodes them). Not safe for use by several threads, which a sheet's writer never is.
     */
    static final class UnlockedBufferedWriter extends Writer {
        private final Writer out;
        private final char[] buffer = new char[1 << 16];
        private int used;
        private boolean closed;

        UnlockedBufferedWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            if (closed || length > buffer.length - used) {
                drain();
                if (length >= buffer.length) { // larger than the buffer: straight through
                    out.write(text, offset, length);
                    return;
                }
            }
            text.getChars(offset, offset + length, buffer, used);
            used += length;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (closed || length > buffer.length - used) {
                drain();
                if (length >= buffer.length) {
                    out.write(chars, offset, length);
                    return;
                }
            }
            System.arraycopy(chars, offset, buffer, used, length);
            used += length;
        }

        @Override
        public void write(int c) throws IOException {
            if (closed || used == buffer.length) {
                drain();
            }
            buffer[used++] = (char) c;
        }

        private void drain() throws IOException {
            if (closed) {
                throw new IOException("the sheet's writer is closed");
            }
            out.write(buffer, 0, used);
            used = 0;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        /** As any writer's: a second close does nothing (POI closes a sheet's writer, then disposes of it). */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            try {
                drain();
            } finally {
                closed = true;
                out.close();
            }
        }
    }

    /** The few cell styles a workbook needs (a workbook may hold only so many). */
    private static final class Styles {
        final CellStyle plain;
        final CellStyle title;
        final CellStyle columnHeader;
        final CellStyle date;
        final CellStyle integer;
        final CellStyle decimal;
        final CellStyle percent;

        Styles(SXSSFWorkbook workbook) {
            plain = workbook.getCellStyleAt(0);
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            columnHeader = workbook.createCellStyle();
            columnHeader.setFont(bold);
            columnHeader.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            columnHeader.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            columnHeader.setBorderBottom(BorderStyle.THIN);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            integer = workbook.createCellStyle();
            integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.0#####"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
        }
    }
}
