package com.releaseledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No query hides in a template: every {@code <query>} of {@code reports/} is the text the engine passes in
 * ({@code $P!{SQL}}), and every SQL file a document names exists under {@code sql/reports/} with a header.
 */
class ReportTemplatesTests {

    private static final Pattern QUERY = Pattern.compile("<query language=\"sql\"><!\\[CDATA\\[(.*?)]]></query>",
            Pattern.DOTALL);

    @Test
    void everyTemplateQueryIsPassedInFromSqlReports() throws IOException {
        List<String> hidden = new ArrayList<>();
        int queries = 0;
        try (Stream<Path> files = Files.walk(Path.of("reports"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jrxml")).sorted().toList()) {
                Matcher query = QUERY.matcher(Files.readString(file));
                while (query.find()) {
                    queries++;
                    if (!query.group(1).equals("$P!{SQL}")) {
                        hidden.add(file + ": " + query.group(1).lines().findFirst().orElse(""));
                    }
                }
            }
        }
        // 20 sections (13 of the audit pack, 4 of the error-budget review, 3 of the scorecard), 3 masters and 4 chart
        // data sets (the burn-down's, whose eight charts pass it their rank, and three of the scorecard)
        assertThat(queries).as("queries in the templates").isEqualTo(27);
        assertThat(hidden).isEmpty();
    }

    @Test
    void everySqlFileADocumentRunsExistsWithItsHeader() throws IOException {
        for (Document document : Document.values()) {
            List<String> files = new ArrayList<>(PdfReports.sqlFiles(document));
            Workbooks.sheets(document).forEach(sheet -> files.add(sheet.sql().name().substring("reports/".length())));
            for (String name : files) {
                String text = Files.readString(Path.of("sql/reports", name));
                assertThat(text).as(name).startsWith("-- Report data set").contains("-- Parameters:");
            }
        }
    }

    @Test
    void everySectionAndChartOfAMasterGetsItsQuery() throws IOException {
        for (Document document : Document.values()) {
            String master = Files.readString(Path.of("reports", document.fileName() + ".jrxml"));
            Matcher subreport = Pattern.compile("<element kind=\"subreport\".*?</element>", Pattern.DOTALL)
                    .matcher(master);
            while (subreport.find()) {
                assertThat(subreport.group()).as(document + " subreport").contains("<parameter name=\"SQL\">");
            }
            Matcher chart = Pattern.compile("<datasetRun .*?</datasetRun>", Pattern.DOTALL).matcher(master);
            while (chart.find()) {
                assertThat(chart.group()).as(document + " chart").contains("<parameter name=\"SQL\">");
            }
        }
    }
}
