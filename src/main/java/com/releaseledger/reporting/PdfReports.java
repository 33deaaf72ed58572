package com.releaseledger.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.releaseledger.kernel.EngineVersion;
import com.releaseledger.kernel.ReadSnapshot;
import com.releaseledger.kernel.SqlFile;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.query.JRJdbcQueryExecuterFactory;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSwapFile;

/**
 * The three PDF documents of a run (DESIGN.md 7.1 to 7.3), filled by JasperReports from the templates in
 * {@code reports/} (compiled at build time), each from one REPEATABLE READ snapshot of the ledger.
 */
@Component
class PdfReports {

    /** A document: its master template and the section templates it embeds, by parameter name. */
    private record Document(String file, String master, Map<String, String> sections) {
    }

    /**
     * Sections whose rows come from a data set under {@code sql/reports/} (the same file the workbooks use), passed
     * to the section as {@code $P!{SQL}}: one query, so the PDF and the workbook can never disagree (the sample!).
     */
    private static final Map<String, String> SECTION_SQL = Map.of(
            "S_EMERGENCY", "reports/register_emergency_changes.sql",
            "S_EXCEPTIONS", "reports/register_exceptions_in_force.sql",
            "S_SAMPLE", "reports/audit_sample.sql",
            "S_INCIDENTS", "reports/budget_incidents.sql",
            "S_GOVERNANCE", "reports/scorecard_governance.sql");

    private static final List<Document> DOCUMENTS = List.of(
            new Document("audit-pack.pdf", "audit-pack", sections("audit-pack",
                    "S_INPUTS", "inputs", "S_CONTROLS", "controls", "S_FINDINGS", "findings", "S_PENDING", "pending",
                    "S_EMERGENCY", "emergency", "S_EXCEPTIONS", "exceptions_in_force", "S_QUALITY", "quality",
                    "S_SAMPLE", "sample", "S_SQL", "sql")),
            new Document("error-budget.pdf", "error-budget", sections("error-budget",
                    "S_BUDGETS", "budgets", "S_INCIDENTS", "incidents", "S_EXHAUSTED", "exhausted",
                    "S_POSTMORTEMS", "postmortems")),
            new Document("scorecard.pdf", "scorecard", sections("scorecard",
                    "S_TEAMS", "teams", "S_GOVERNANCE", "governance")));

    private final DataSource dataSource;
    private final TransactionTemplate snapshot;
    private final Map<String, JasperReport> compiled = new HashMap<>();

    PdfReports(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.snapshot = ReadSnapshot.transaction(transactionManager);
        // report queries stream through a cursor (we fill inside the snapshot) instead of arriving whole
        DefaultJasperReportsContext.getInstance().setProperty(JRJdbcQueryExecuterFactory.PROPERTY_JDBC_FETCH_SIZE,
                Integer.toString(ReadSnapshot.FETCH_SIZE));
    }

    List<Path> write(long runId, Path folder, Set<String> reports) {
        String generatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return DOCUMENTS.stream().filter(document -> reports.contains(document.master()))
                .map(document -> write(document, runId, generatedAt, folder)).toList();
    }

    private Path write(Document document, long runId, String generatedAt, Path folder) {
        Path file = folder.resolve(document.file());
        Path partial = folder.resolve(document.file() + ".partial");
        // pages beyond a few in memory are swapped to a temporary file: a large register never fills the heap
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(50,
                new JRSwapFile(System.getProperty("java.io.tmpdir"), 4096, 64), true);
        try {
            return export(document, fill(document, runId, generatedAt, virtualizer), file, partial, folder);
        } finally {
            virtualizer.cleanup();
        }
    }

    private JasperPrint fill(Document document, long runId, String generatedAt, JRSwapFileVirtualizer virtualizer) {
        return snapshot.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                Map<String, Object> parameters = new HashMap<>();
                parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
                parameters.put("RUN_ID", runId);
                parameters.put("GENERATED_AT", generatedAt);
                parameters.put("ENGINE_VERSION", EngineVersion.get());
                document.sections().forEach((parameter, template) -> {
                    parameters.put(parameter, template(template));
                    if (SECTION_SQL.containsKey(parameter)) {
                        // the run id is a number the engine chose, never input: safe to write into the text
                        parameters.put("SQL_" + parameter, SqlFile.load(SECTION_SQL.get(parameter)).text()
                                .replace(":run_id", Long.toString(runId)));
                    }
                });
                return JasperFillManager.fillReport(template(document.master()), parameters, connection);
            } catch (JRException e) {
                throw new IllegalStateException("could not fill " + document.file() + ": " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    private static Path export(Document document, JasperPrint print, Path file, Path partial, Path folder) {
        try {
            Files.createDirectories(folder);
            JasperExportManager.exportReportToPdfFile(print, partial.toString());
            return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (JRException e) {
            throw new IllegalStateException("could not write " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compiled template from the class path ({@code reports/<name>.jasper}), loaded once. */
    private synchronized JasperReport template(String name) {
        return compiled.computeIfAbsent(name, key -> {
            try (InputStream in = PdfReports.class.getClassLoader().getResourceAsStream("reports/" + key + ".jasper")) {
                if (in == null) {
                    throw new IllegalStateException("reports/" + key + ".jasper is not on the class path");
                }
                return (JasperReport) JRLoader.loadObject(in);
            } catch (IOException | JRException e) {
                throw new IllegalStateException("could not load the report template " + key + ": " + e.getMessage(), e);
            }
        });
    }

    private static Map<String, String> sections(String folder, String... parametersAndTemplates) {
        Map<String, String> sections = new LinkedHashMap<>();
        for (int i = 0; i < parametersAndTemplates.length; i += 2) {
            sections.put(parametersAndTemplates[i], folder + "/" + parametersAndTemplates[i + 1]);
        }
        return sections;
    }
}
