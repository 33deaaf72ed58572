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

        assertThat(first.findingsByRule()).allSatisfy((rule, count) -> assertThat(count).as(rule).isPositive());
        csv.write(first.runId(), out.resolve("first"));
        csv.write(second.runId(), out.resolve("second"));
        for (String file : AnalysisCsvFiles.FILES) {
            assertThat(Files.mismatch(out.resolve("first").resolve(file), out.resolve("second").resolve(file)))
                    .as(file).isEqualTo(-1L);
            assertThat(Files.size(out.resolve("first").resolve(file))).as(file).isPositive();
        }
    }
}
