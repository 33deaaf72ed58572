package com.releaseledger.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestRequest;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.ingest.Kind;
import com.releaseledger.support.LedgerIntegrationTest;

/**
 * The worked month of {@code conformance/small-1} (October 2026 in Europe/London, as_of inside the period): the
 * three CSV files must equal the expected ones, numbers within 1e-6, detail not compared (its README).
 */
class ConformanceIntegrationTests extends LedgerIntegrationTest {

    private static final Path CASE = Path.of("src/test/resources/conformance/small-1");
    private static final Path SHARED = Path.of("../shared/conformance/small-1");
    private static final Set<String> NUMERIC = Set.of("value", "numerator", "denominator");

    @TempDir
    Path out;

    @Autowired
    IngestService ingest;

    @Autowired
    AnalysisService analysis;

    @Autowired
    AnalysisCsvFiles csv;

    @Test
    void theWorkedMonthGivesTheExpectedFiles() throws IOException {
        // given the six inputs, ingested in the order of the case's README
        for (String kind : List.of("services", "blackouts", "exceptions", "changes", "deployments", "incidents")) {
            FileReport report = ingest.ingest(IngestRequest.of(Kind.of(kind), CASE.resolve("input/" + kind + ".csv")));
            assertThat(report.outcome()).as(kind).isEqualTo(FileReport.Outcome.LOADED);
        }

        // when the month is analysed as case.json says
        AnalysisResult result = analysis.analyze(new AnalysisRequest("conformance",
                ReportingPeriod.parse("2026-10", ZoneId.of("Europe/London")), Instant.parse("2026-10-30T15:00:00Z"),
                Policy.defaults()));
        csv.write(result.runId(), out);

        // then
        for (String file : AnalysisCsvFiles.FILES) {
            assertSameTable(file, read(CASE.resolve("expected/" + file)), read(out.resolve(file)));
        }
    }

    @Test
    void theCopyOfTheCaseMatchesSharedWhereItExists() throws IOException {
        assumeTrue(Files.isDirectory(SHARED), "no ../shared beside this clone: the copy is all there is");
        try (Stream<Path> files = Files.walk(SHARED)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = CASE.resolve(SHARED.relativize(file).toString());
                assertThat(Files.mismatch(file, copy)).as(copy.toString()).isEqualTo(-1L);
            }
        }
    }

    private static void assertSameTable(String file, List<CSVRecord> expected, List<CSVRecord> actual) {
        assertThat(actual.get(0).values()).as(file + " header").containsExactly(expected.get(0).values());
        List<String> header = List.of(expected.get(0).values());
        List<String> differences = new ArrayList<>();
        for (int row = 1; row < Math.max(expected.size(), actual.size()); row++) {
            String want = row < expected.size() ? String.join(",", expected.get(row).values()) : "(none)";
            String got = row < actual.size() ? String.join(",", actual.get(row).values()) : "(none)";
            if (row >= expected.size() || row >= actual.size()) {
                differences.add("row " + row + ": expected " + want + " but got " + got);
                continue;
            }
            for (int column = 0; column < header.size(); column++) {
                String name = header.get(column);
                String e = expected.get(row).get(column);
                String a = actual.get(row).get(column);
                boolean same = name.equals("detail") || (NUMERIC.contains(name) && !e.isEmpty() && !a.isEmpty()
                        ? new BigDecimal(e).subtract(new BigDecimal(a)).abs().compareTo(new BigDecimal("1e-6")) <= 0
                        : e.equals(a));
                if (!same) {
                    differences.add("row " + row + " " + name + ": expected " + want + " but got " + got);
                    break;
                }
            }
        }
        assertThat(differences).as(file).isEmpty();
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.parse(reader).getRecords();
        }
    }
}
