package com.releaseledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.AnalysisService;
import com.releaseledger.analysis.Policy;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.ingest.IngestRequest;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.ingest.Kind;
import com.releaseledger.kernel.SqlFile;
import com.releaseledger.support.LedgerIntegrationTest;

/** The workbooks read back with POI: sheets, header blocks, counts equal to the database's, typed cells. */
class WorkbookIntegrationTests extends LedgerIntegrationTest {

    @TempDir
    Path dir;

    @Autowired
    IngestService ingest;

    @Autowired
    AnalysisService analysis;

    @Autowired
    Workbooks workbooks;

    private long run;

    @BeforeEach
    void ledger() throws IOException {
        Files.writeString(dir.resolve("services.csv"), "service,team,slo_target\nsvc,team-1,99.9\n@svc,team-2,\n");
        Files.writeString(dir.resolve("deployments.csv"), """
                deployment_id,service,environment,status,started_at,finished_at,is_hotfix
                "=1+1",svc,production,succeeded,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z,
                d2,svc,production,failed,2026-10-02T10:00:00Z,2026-10-02T10:05:00Z,true
                d3,@svc,production,succeeded,2026-10-03T10:00:00Z,2026-10-03T10:05:00Z,
                d4,svc,staging,succeeded,2026-10-04T10:00:00Z,2026-10-04T10:05:00Z,
                d5,svc,production,succeeded,2026-09-04T10:00:00Z,2026-09-04T10:05:00Z,
                """);
        Files.writeString(dir.resolve("incidents.csv"), """
                incident_id,service,severity,started_at,resolved_at
                i1,svc,1,2026-10-05T10:00:00Z,2026-10-05T11:30:00Z
                """);
        ingest.ingest(IngestRequest.of(Kind.SERVICES, dir.resolve("services.csv")));
        ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, dir.resolve("deployments.csv")));
        ingest.ingest(IngestRequest.of(Kind.INCIDENTS, dir.resolve("incidents.csv")));
        run = analysis.analyze(new AnalysisRequest("book", ReportingPeriod.parse("2026-10", ZoneId.of("UTC")), null,
                Policy.defaults())).runId();
    }

    @Test
    void theAuditPackHoldsEveryPopulationOnASheetHeadedWithItsQuery() throws IOException {
        List<Path> files = workbooks.write(run, dir.resolve("out"));

        assertThat(files).extracting(path -> path.getFileName().toString())
                .containsExactly("audit-pack.xlsx", "error-budget.xlsx", "scorecard.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(files.get(0)))) {
            assertThat(sheetNames(book)).containsExactly("Cover", "Controls described", "Controls", "Exceptions",
                    "Pending", "Emergency changes", "Separation of duties", "Blackouts and windows", "Failed changes",
                    "Exceptions in force", "Gate coverage", "Gate decisions", "Sample",
                    "Deployments", "Changes", "Incidents", "Input files", "Reconciliation", "Rejected rows",
                    "Data quality", "Metrics", "SQL");
            Sheet deployments = book.getSheet("Deployments");
            SqlFile query = SqlFile.load("reports/audit_deployments.sql");
            assertThat(text(deployments, 1, 0)).isEqualTo("Query: sql/reports/audit_deployments.sql   SHA-256 "
                    + query.sha256());
            assertThat(text(deployments, 2, 0)).startsWith("Parameters: run " + run + ", job book, period 2026-10");
            assertThat(text(deployments, 3, 0)).startsWith("Generated: 20");
            // d1..d4 started in October (d5 in September): four, as the database counts them
            assertThat(text(deployments, 4, 0)).isEqualTo("Rows: 4");
            assertThat(deployments.getLastRowNum() - 6).isEqualTo(4);
            assertThat(text(deployments, 6, 0)).isEqualTo("deployment_id");
            assertThat(text(deployments, 6, 4)).isEqualTo("started_at (UTC)");
            assertThat(deployments.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 7);
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) deployments).getCTWorksheet().isSetAutoFilter())
                    .isTrue();

            Row first = deployments.getRow(7);
            // text from input is text, never a formula
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("=1+1");
            // dates are dates, numbers numbers, booleans booleans
            Cell started = first.getCell(4);
            assertThat(started.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(started)).isTrue();
            assertThat(started.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 10, 1, 10, 0));
            assertThat(first.getCell(14).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(text(deployments, 6, 20)).isEqualTo("source_line");
            assertThat(first.getCell(20).getCellType()).isEqualTo(CellType.NUMERIC);
            // in the tested population: production deployments that started in the period ("=1+1", d2, d3), not
            // the staging one (d4, the last by start)
            assertThat(text(deployments, 6, 16)).isEqualTo("in_tested_population");
            assertThat(first.getCell(16).getBooleanCellValue()).isTrue();
            assertThat(deployments.getRow(9).getCell(16).getBooleanCellValue()).isTrue();
            assertThat(text(deployments, 10, 0)).isEqualTo("d4");
            assertThat(deployments.getRow(10).getCell(16).getBooleanCellValue()).isFalse();
            // each deployment of the tested population with the gate's decision for it: none was asked here; the
            // staging one is outside the population, so it has none to show
            assertThat(text(deployments, 6, 17)).isEqualTo("gate_decision");
            assertThat(text(deployments, 7, 17)).isEqualTo("none");
            assertThat(text(deployments, 9, 17)).isEqualTo("none");
            assertThat(deployments.getRow(10).getCell(17)).isNull();
            // the gate's coverage: the three production deployments, all not gated
            Sheet coverage = book.getSheet("Gate coverage");
            assertThat(text(coverage, 4, 0)).isEqualTo("Rows: 4");
            assertThat(text(coverage, 10, 0)).isEqualTo("none");
            assertThat(coverage.getRow(10).getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(coverage.getRow(10).getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(coverage.getRow(7).getCell(2).getNumericCellValue()).isZero();
            assertThat(text(book.getSheet("Gate decisions"), 4, 0)).isEqualTo("Rows: 0");

            // the exceptions, in the query's order (by rule, then time) and with their evidence formatted: RL01's
            // are the three production deployments that name no change, by start
            Sheet exceptions = book.getSheet("Exceptions");
            assertThat(List.of(text(exceptions, 6, 0), text(exceptions, 6, 5), text(exceptions, 6, 10)))
                    .containsExactly("rule_id", "deployment_id", "evidence");
            List<String> rules = new java.util.ArrayList<>();
            List<String> rl01 = new java.util.ArrayList<>();
            for (int r = 7; r <= exceptions.getLastRowNum(); r++) {
                rules.add(text(exceptions, r, 0));
                if (text(exceptions, r, 0).equals("RL01")) {
                    rl01.add(text(exceptions, r, 5));
                    assertThat(text(exceptions, r, 10)).contains("Reason: the deployment names no change");
                }
            }
            assertThat(rules).isSorted();
            assertThat(rl01).containsExactly("=1+1", "d2", "d3");

            // the cover is a form: each value in a cell of its type, and no filter over it
            Sheet cover = book.getSheet("Cover");
            assertThat(text(cover, 6, 0)).isEqualTo("item");
            assertThat(text(cover, 7, 0)).isEqualTo("run");
            assertThat(cover.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(run);
            assertThat(DateUtil.isCellDateFormatted(cover.getRow(10).getCell(1))).isTrue(); // period start
            assertThat(cover.getRow(10).getCell(1).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 10, 1, 0, 0));
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) cover).getCTWorksheet().isSetAutoFilter()).isFalse();

            Sheet controls = book.getSheet("Controls");
            assertThat(text(controls, 4, 0)).isEqualTo("Rows: 16");
            assertThat(text(controls, 7, 0)).isEqualTo("RL01");
            assertThat(controls.getRow(7).getCell(5).getNumericCellValue()).isEqualTo(3); // "=1+1", d2, d3
            // a rate is a percentage, as the PDF shows it: three of three deployments name no change
            assertThat(text(controls, 6, 7)).isEqualTo("exception_rate");
            assertThat(controls.getRow(7).getCell(7).getNumericCellValue()).isEqualTo(1.0);
            assertThat(controls.getRow(7).getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            // the control described: plain name, code name, and the default owner
            Sheet described = book.getSheet("Controls described");
            assertThat(List.of(text(described, 7, 0), text(described, 7, 1), text(described, 7, 2),
                    text(described, 7, 7))).containsExactly("RL01", "Every deployment has a change",
                    "deployment_without_change", "Change management");

            // the Metrics sheet shows a ratio as a percentage and a count as a number
            Sheet metrics = book.getSheet("Metrics");
            int checked = 0;
            for (int r = 7; r <= metrics.getLastRowNum(); r++) {
                Row row = metrics.getRow(r);
                String metric = row.getCell(2).getStringCellValue();
                if (row.getCell(1).getStringCellValue().equals("all") && metric.equals("deployment_failure_rate")) {
                    // d2 failed, of the three members of PD
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(1.0 / 3, within(1e-6));
                    assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
                    checked++;
                }
                if (row.getCell(1).getStringCellValue().equals("all") && metric.equals("deployments")) {
                    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(3);
                    assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isNotEqualTo("0.0%");
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(2);

            // an empty population keeps its sheet and says so
            Sheet pending = book.getSheet("Pending");
            assertThat(text(pending, 4, 0)).isEqualTo("Rows: 0");
            assertThat(text(pending, 7, 0)).isEqualTo("None: the population is empty for this run.");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(files.get(1)))) {
            assertThat(sheetNames(book)).containsExactly("Budgets", "Incidents", "Released while exhausted",
                    "Postmortems");
            Sheet budgets = book.getSheet("Budgets");
            assertThat(text(budgets, 7, 0)).isEqualTo("svc");
            // 99.9 % of October (44,640 minutes in UTC) allows 44.64; i1 spent 90
            assertThat(budgets.getRow(7).getCell(3).getNumericCellValue()).isEqualTo(44.64);
            assertThat(budgets.getRow(7).getCell(4).getNumericCellValue()).isEqualTo(90.0);
            assertThat(text(budgets, 7, 9)).isEqualTo("exhausted");
            assertThat(text(budgets, 6, 7)).isEqualTo("remaining_pct (%)");

            // i1 (severity 1, resolved 5 Oct 11:30) owed a postmortem by 15 Oct 11:30 and has none: overdue, a
            // compliance of 0 of 1; its times are dates, its rate a percentage
            Sheet postmortems = book.getSheet("Postmortems");
            Row i1 = postmortems.getRow(7);
            assertThat(List.of(text(postmortems, 7, 1), text(postmortems, 7, 3)))
                    .containsExactly("i1", "overdue: none by as_of");
            assertThat(DateUtil.isCellDateFormatted(i1.getCell(4))).isTrue();
            assertThat(i1.getCell(5).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 10, 15, 11, 30));
            assertThat(text(postmortems, 6, 9)).isEqualTo("compliance_rate");
            assertThat(i1.getCell(9).getNumericCellValue()).isZero();
            assertThat(i1.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
    }

    @Test
    void aPopulationLargerThanASheetContinuesOnTheNext() throws IOException {
        List<Path> files = workbooks.write(run, dir.resolve("small"), 3);

        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(files.get(0)))) {
            Sheet first = book.getSheet("Deployments");
            Sheet second = book.getSheet("Deployments (2)");
            assertThat(second).isNotNull();
            assertThat(text(second, 0, 0)).isEqualTo("Deployments (continued, part 2)");
            assertThat(text(second, 6, 0)).isEqualTo("deployment_id");
            assertThat((first.getLastRowNum() - 6) + (second.getLastRowNum() - 6)).isEqualTo(4);
            assertThat(text(first, 4, 0))
                    .isEqualTo("Rows: 4 (over 2 sheets; all of them also in audit-pack-deployments.csv beside this workbook)");
            assertThat(text(second, 4, 0)).isEqualTo(text(first, 4, 0));
            // a population that fits on one sheet has no CSV file: the incidents sheet holds its one row
            assertThat(text(book.getSheet("Incidents"), 4, 0)).isEqualTo("Rows: 1");
        }
        // the whole population, once, as a CSV file beside the workbook and listed after it
        Path csv = dir.resolve("small/audit-pack-deployments.csv");
        assertThat(files).contains(csv);
        assertThat(files.indexOf(csv)).isGreaterThan(files.indexOf(dir.resolve("small/audit-pack.xlsx")));
        assertThat(files).doesNotContain(dir.resolve("small/audit-pack-incidents.csv"));
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .get().parse(Files.newBufferedReader(csv))) {
            List<org.apache.commons.csv.CSVRecord> rows = parser.getRecords();
            assertThat(parser.getHeaderNames()).startsWith("deployment_id", "service", "environment", "status",
                    "started_at").endsWith("source_file", "source_line");
            // the sheets' order (by start): "=1+1" (guarded as in findings.csv), d2, d3, then the staging d4
            assertThat(rows).extracting(row -> row.get("deployment_id")).containsExactly("'=1+1", "d2", "d3", "d4");
            assertThat(rows.get(0).get("started_at")).isEqualTo("2026-10-01T10:00:00Z");
            assertThat(rows.get(1).get("is_hotfix")).isEqualTo("true");
            assertThat(rows.get(2).get("service")).isEqualTo("'@svc");
            assertThat(rows).extracting(row -> row.get("in_tested_population"))
                    .containsExactly("true", "true", "true", "false");
            assertThat(rows).extracting(row -> row.get("gate_decision")).containsExactly("none", "none", "none", "");
            // the file's line each came from: the header is line 1
            assertThat(rows).extracting(row -> row.get("source_line")).containsExactly("2", "3", "4", "5");
        }
        assertThat(Files.readString(csv)).doesNotContain("\r");
    }

    /**
     * The gate in the workbooks: "=1+1" (svc, team-1) had an allow 30 minutes before its start, d2 (svc, team-1) a
     * block an hour and a second before (outside the 60 minutes: none), d3 (@svc, team-2) was never asked.
     */
    @Test
    void theWorkbooksShowEachDeploymentsGateDecisionAndTheShareThatPassed() throws IOException {
        jdbc.update("""
                INSERT INTO gate_decision (asked_at, job, service, environment, deploy_at, is_hotfix, production,
                                           decision, controls, policy, engine_version)
                VALUES ('2026-10-01T09:30:00Z', 'book', 'svc', 'production', '2026-10-01T10:00:00Z', false, true,
                        'allow', '[]', '{}', 'test'),
                       ('2026-10-02T08:59:59Z', 'book', 'svc', 'production', '2026-10-02T10:00:00Z', false, true,
                        'block', '[{"rule_id": "RL01", "result": "fail"}]', '{}', 'test')""");
        List<Path> files = workbooks.write(run, dir.resolve("gated"));

        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(files.get(0)))) {
            Sheet deployments = book.getSheet("Deployments");
            assertThat(text(deployments, 7, 0) + " " + text(deployments, 7, 17)).isEqualTo("=1+1 allow");
            assertThat(text(deployments, 8, 0) + " " + text(deployments, 8, 17)).isEqualTo("d2 none");
            Sheet decisions = book.getSheet("Gate decisions");
            assertThat(text(decisions, 4, 0)).isEqualTo("Rows: 2");
            assertThat(text(decisions, 8, 9) + " " + text(decisions, 8, 10)).isEqualTo("block RL01");
            Sheet coverage = book.getSheet("Gate coverage");
            assertThat(coverage.getRow(7).getCell(2).getNumericCellValue()).isEqualTo(1); // allow
            assertThat(coverage.getRow(10).getCell(2).getNumericCellValue()).isEqualTo(2); // none
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(files.get(2)))) {
            Sheet gate = book.getSheet("Deployment gate");
            List<String> rows = new ArrayList<>();
            for (int r = 7; r <= gate.getLastRowNum(); r++) {
                Row row = gate.getRow(r);
                rows.add(row.getCell(0).getStringCellValue() + " " + (long) row.getCell(1).getNumericCellValue() + " "
                        + (long) row.getCell(2).getNumericCellValue() + " " + row.getCell(4).getNumericCellValue());
            }
            // team-1: one of two passed; team-2: none of one; the organisation: one of three (0.3333, to 4 places)
            assertThat(rows).containsExactly("team-1 2 1 0.5", "team-2 1 0 0.0", "(organisation) 3 1 0.3333");
            assertThat(gate.getRow(7).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
        }
    }

    @Autowired
    ReportService reports;

    @Test
    void theScorecardShowsTheLastSixPeriodsComputedFromTheLedger() throws IOException {
        AnalysisRequest request = new AnalysisRequest("book", ReportingPeriod.parse("2026-10", ZoneId.of("UTC")),
                null, Policy.defaults());
        analysis.analyzeTrendPeriods(run, request); // the analysis computes the trends; publishing only reads them
        PublishedRun published = reports.publish(run, request, dir.resolve("published"));

        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(published.folder().resolve("scorecard.xlsx")))) {
            Sheet trends = book.getSheet("Trends");
            List<String> org = new ArrayList<>();
            for (int r = 7; r <= trends.getLastRowNum(); r++) {
                Row row = trends.getRow(r);
                if (row.getCell(0).getStringCellValue().equals("org")) {
                    org.add(row.getCell(2).getStringCellValue() + "=" + (long) row.getCell(3).getNumericCellValue());
                }
            }
            // production deployments finished per month: "=1+1", d2, d3 in October; d5 in September
            assertThat(org).containsExactly("2026-05=0", "2026-06=0", "2026-07=0", "2026-08=0", "2026-09=1",
                    "2026-10=3");
        }
    }

    @Test
    void theSampleIsTheChangesWithTheLowestHashOfSeedAndIdAndTheSameEachTime() throws IOException {
        Files.writeString(dir.resolve("changes.csv"), """
                change_id,type,risk,service,status,requested_by,created_at
                CHG-A,standard,low,svc,closed,ann,2026-09-01T00:00:00Z
                CHG-B,standard,low,svc,closed,ann,2026-09-01T00:00:00Z
                CHG-C,standard,low,svc,closed,ann,2026-09-01T00:00:00Z
                """);
        Files.writeString(dir.resolve("more.csv"), """
                deployment_id,service,environment,status,started_at,finished_at,change_id
                s1,svc,production,succeeded,2026-10-10T10:00:00Z,2026-10-10T10:05:00Z,CHG-A
                s2,svc,production,succeeded,2026-10-11T10:00:00Z,2026-10-11T10:05:00Z,CHG-B
                s3,svc,production,succeeded,2026-10-12T10:00:00Z,2026-10-12T10:05:00Z,CHG-C
                s4,svc,staging,succeeded,2026-10-12T10:00:00Z,2026-10-12T10:05:00Z,CHG-X
                """);
        ingest.ingest(IngestRequest.of(Kind.CHANGES, dir.resolve("changes.csv")));
        ingest.ingest(IngestRequest.of(Kind.DEPLOYMENTS, dir.resolve("more.csv")));
        long first = analysis.analyze(new AnalysisRequest("book", ReportingPeriod.parse("2026-10", ZoneId.of("UTC")),
                null, Policy.defaults())).runId();
        long second = analysis.analyze(new AnalysisRequest("book", ReportingPeriod.parse("2026-10", ZoneId.of("UTC")),
                null, Policy.defaults())).runId();

        List<String> a = sample(workbooks.write(first, dir.resolve("a")).get(0));
        List<String> b = sample(workbooks.write(second, dir.resolve("b")).get(0));

        // by hand: the three existing changes of production deployments, ordered by sha256("release-ledger:<id>")
        List<String> expected = new ArrayList<>(List.of("CHG-A", "CHG-B", "CHG-C"));
        expected.sort(java.util.Comparator.comparing(id -> com.releaseledger.kernel.Sha256.of(
                ("release-ledger:" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(a).isEqualTo(expected);
        assertThat(b).isEqualTo(a);
        // each sampled change with the tested deployments that carry it (s4 is staging), the population it was
        // drawn from (the three changes), and the auditor's empty columns
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(dir.resolve("a/audit-pack.xlsx")))) {
            Sheet sheet = book.getSheet("Sample");
            List<String> header = new ArrayList<>();
            sheet.getRow(6).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).contains("tested_deployments", "population", "seed", "size",
                    "approved_before_deployment_yes_no", "evidence_inspected", "tester", "exception_noted");
            for (int r = 7; r < 10; r++) {
                Row row = sheet.getRow(r);
                String change = row.getCell(1).getStringCellValue();
                assertThat(row.getCell(header.indexOf("tested_deployments")).getStringCellValue())
                        .isEqualTo(Map.of("CHG-A", "s1", "CHG-B", "s2", "CHG-C", "s3").get(change));
                assertThat(row.getCell(header.indexOf("population")).getNumericCellValue()).isEqualTo(3);
                assertThat(row.getCell(header.indexOf("tester"))).isNull();
            }
        }

        // the job's policy sets the size and the seed
        Policy small = Policy.defaults().withSample(new Policy.Sample(2, "audit-2026"));
        long third = analysis.analyze(new AnalysisRequest("book", ReportingPeriod.parse("2026-10", ZoneId.of("UTC")),
                null, small)).runId();
        List<String> seeded = new ArrayList<>(List.of("CHG-A", "CHG-B", "CHG-C"));
        seeded.sort(java.util.Comparator.comparing(id -> com.releaseledger.kernel.Sha256.of(
                ("audit-2026:" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(sample(workbooks.write(third, dir.resolve("c")).get(0))).isEqualTo(seeded.subList(0, 2));
    }

    private static List<String> sample(Path auditPack) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(auditPack))) {
            Sheet sheet = book.getSheet("Sample");
            List<String> ids = new ArrayList<>();
            for (int r = 7; r <= sheet.getLastRowNum(); r++) {
                ids.add(sheet.getRow(r).getCell(1).getStringCellValue());
            }
            return ids;
        }
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }
}
