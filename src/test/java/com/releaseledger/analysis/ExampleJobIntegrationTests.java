package com.releaseledger.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.releaseledger.ingest.FileReport;
import com.releaseledger.ingest.IngestService;
import com.releaseledger.scheduling.JobFile;
import com.releaseledger.scheduling.SourceSpec;
import com.releaseledger.support.LedgerIntegrationTest;

/** The committed example (jobs/example.yml): every governance rule fires, and the same ledger gives the same files. */
class ExampleJobIntegrationTests extends LedgerIntegrationTest {

    @TempDir
    Path out;

    @Autowired
    IngestService ingest;

    @Autowired
    AnalysisService analysis;

    @Autowired
    AnalysisCsvFiles csv;

    @Test
    void everyRuleFiresOnTheExampleAndAnalysingTwiceGivesByteIdenticalFiles() throws IOException {
        JobFile job = JobFile.load(Path.of("jobs/example.yml"));
        for (SourceSpec source : job.sources()) {
            for (Path file : source.files()) {
                assertThat(ingest.ingest(source.request(file, job.maxRejectedShare())).outcome())
                        .isEqualTo(FileReport.Outcome.LOADED);
            }
        }
        AnalysisRequest request = new AnalysisRequest(job.name(),
                ReportingPeriod.parse("2026-10", job.reportingZone()), null, job.policy());

        AnalysisResult first = analysis.analyze(request);
        AnalysisResult second = analysis.analyze(request);

        // every rule the example's policy turns on: RL16 judges only under gate_required, which the example leaves off
        assertThat(job.policy().gateRequired()).isFalse();
        assertThat(first.findingsByRule()).allSatisfy((rule, count) -> {
            if (rule.equals("RL16")) {
                assertThat(count).as(rule).isZero();
            } else {
                assertThat(count).as(rule).isPositive();
            }
        });
        csv.write(first.runId(), out.resolve("first"));
        csv.write(second.runId(), out.resolve("second"));
        for (String file : AnalysisCsvFiles.FILES) {
            assertThat(Files.mismatch(out.resolve("first").resolve(file), out.resolve("second").resolve(file)))
                    .as(file).isEqualTo(-1L);
            assertThat(Files.size(out.resolve("first").resolve(file))).as(file).isPositive();
        }
    }

    @Test
    void trendRunsGiveTheSameMetricsAsAFullAnalysisOfEachPeriod() {
        JobFile job = JobFile.load(Path.of("jobs/example.yml"));
        for (SourceSpec source : job.sources()) {
            for (Path file : source.files()) {
                ingest.ingest(source.request(file, job.maxRejectedShare()));
            }
        }
        ReportingPeriod october = ReportingPeriod.parse("2026-10", job.reportingZone());
        long main = analysis.analyze(new AnalysisRequest(job.name(), october, null, job.policy())).runId();

        // the five months before, in one transaction over one prepared ledger, metrics only
        java.util.List<AnalysisRequest> trends = new java.util.ArrayList<>();
        for (ReportingPeriod period = october.previous(); trends.size() < 5; period = period.previous()) {
            trends.add(new AnalysisRequest(job.name(), period, null, job.policy()));
        }
        java.util.List<Long> trendRuns = analysis.analyzeTrendPeriods(trends, main);

        // each equals a full analysis of its own month, value for value, and stores no findings
        for (int i = 0; i < trends.size(); i++) {
            long full = analysis.analyze(trends.get(i)).runId();
            assertThat(metrics(trendRuns.get(i))).as(trends.get(i).period().label()).isEqualTo(metrics(full))
                    .isNotEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM finding WHERE run_id = ?", Long.class,
                    trendRuns.get(i))).isZero();
            assertThat(jdbc.queryForObject("SELECT trend_of FROM analysis_run WHERE run_id = ?", Long.class,
                    trendRuns.get(i))).isEqualTo(main);
        }
        // the months have data: the comparison is not of empty sets
        assertThat(jdbc.queryForObject("SELECT value FROM metric_value WHERE run_id = ? AND metric = 'deployments'"
                + " AND scope = 'org'", java.math.BigDecimal.class, trendRuns.get(0))).isPositive();
    }

    private java.util.List<String> metrics(long runId) {
        return jdbc.queryForList("""
                SELECT metric || ' ' || scope || ' ' || scope_id || ' ' || coalesce(value::text, 'null') || ' '
                       || coalesce(numerator::text, '-') || ' ' || coalesce(denominator::text, '-') || ' '
                       || coalesce(band, '-')
                FROM metric_value WHERE run_id = ? ORDER BY metric, scope, scope_id""", String.class, runId);
    }
}
