package com.releaseledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.AnalysisResult;
import com.releaseledger.analysis.AnalysisService;
import com.releaseledger.kernel.Instants;
import com.releaseledger.reporting.Document;
import com.releaseledger.reporting.PublishedRun;
import com.releaseledger.reporting.ReportService;

/** The analysis part of {@code run} and {@code analyze}: analyse, write the files, print the summary. */
final class Analysis {

    private Analysis() {
    }

    /** {@code --as-of}: an ISO-8601 date-time; without an offset it is read in the reporting zone. */
    static Instant asOf(String text, ZoneId zone) {
        return Instants.parse("--as-of", text, zone);
    }

    static AnalysisResult run(Ledger ledger, AnalysisRequest request, Path output, Set<Document> reports,
            PrintWriter out) {
        AnalysisService analysis = ledger.get(AnalysisService.class);
        AnalysisResult result = analysis.analyze(request);
        analysis.analyzeTrendPeriods(result.runId(), request);
        PublishedRun published = ledger.get(ReportService.class).publish(result.runId(), request, output, reports);
        print(out, result, published);
        return result;
    }

    /** The exit code of a run that succeeded: 3 when asked to fail on findings of a severity and there are some. */
    static int exitCode(AnalysisResult result, String failOnFindings, PrintWriter out) {
        if (failOnFindings == null || result.findingsAtLeast(failOnFindings) == 0) {
            return Cli.OK;
        }
        out.printf("%d finding(s) of severity %s or higher: exit %d (--fail-on-findings)%n",
                result.findingsAtLeast(failOnFindings), failOnFindings, Cli.FINDINGS);
        out.flush();
        return Cli.FINDINGS;
    }

    static void print(PrintWriter out, AnalysisResult result, PublishedRun published) {
        AnalysisRequest request = result.request();
        out.printf("%nanalysis run %d: job %s, period %s [%s, %s), as of %s, in %.1f s%n", result.runId(),
                request.job(), request.period().label(), request.period().start(), request.period().end(),
                request.asOf(), result.seconds());
        for (Map.Entry<String, String> metric : result.headline().entrySet()) {
            out.printf("  %-42s %s%n", metric.getKey(), metric.getValue());
        }
        StringBuilder rules = new StringBuilder();
        result.findingsByRule().forEach((rule, count) -> {
            if (count > 0) {
                rules.append(rules.isEmpty() ? "" : ", ").append(rule).append(' ').append(count);
            }
        });
        out.printf("findings: %d (%s); pending: %d%n", result.findings(), rules.isEmpty() ? "none" : rules,
                result.pending());
        if (!result.dataQualityItems().isEmpty()) {
            StringBuilder items = new StringBuilder();
            result.dataQualityItems().forEach((category, count) ->
                    items.append(items.isEmpty() ? "" : ", ").append(category).append(' ').append(count));
            out.printf("data-quality items: %s%n", items);
        }
        out.printf("output: %s (version %d%s)%n", published.folder(), published.version(),
                published.supersedes() == null ? "" : ", supersedes " + published.supersedes());
        for (Path file : published.files()) {
            out.printf("wrote %s%n", file);
        }
        out.flush();
    }
}
