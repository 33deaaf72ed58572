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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * A document's templates and every query they run, each a file under {@code sql/reports/}: the master's own
     * ({@code $P!{SQL}}), each section's (the master passes {@code SQL_<section>} to it as its {@code SQL}) and each
     * chart data set's ({@code SQL_D_<data set>}). A section that shows a workbook sheet runs that sheet's file,
     * so the PDF and the workbook can never disagree (the sample!).
     *
     * @param master   the master template, {@code reports/<master>.jrxml}
     * @param sql      the master's query
     * @param sections section parameter ({@code S_INPUTS}) -> its template below {@code reports/} and its query
     * @param datasets chart data set parameter ({@code SQL_D_TREND}) -> its query
     */
    private record Template(String master, String sql, Map<String, Section> sections, Map<String, String> datasets) {

        /** Every SQL file the document runs, in the order the template names them. */
        List<String> sqlFiles() {
            List<String> files = new ArrayList<>();
            files.add(sql);
            sections.values().forEach(section -> files.add(section.sql()));
            files.addAll(datasets.values());
            return files;
        }
    }

    private record Section(String template, String sql) {
    }

    static Template template(Document document) {
        return switch (document) {
            case AUDIT_PACK -> new Template("audit-pack", "pdf_cover.sql", sections("audit-pack",
                    "S_INPUTS", "inputs", "pdf_audit_inputs.sql",
                    "S_RECONCILIATION", "reconciliation", "audit_reconciliation.sql",
                    "S_CATALOGUE", "control_catalogue", "audit_control_catalogue.sql",
                    "S_CONTROLS", "controls", "audit_controls.sql",
                    "S_FINDINGS", "findings", "pdf_audit_findings.sql",
                    "S_PENDING", "pending", "pdf_audit_pending.sql",
                    "S_EMERGENCY", "emergency", "register_emergency_changes.sql",
                    "S_EXCEPTIONS", "exceptions_in_force", "register_exceptions_in_force.sql",
                    "S_GATE", "gate", "audit_gate_coverage.sql",
                    "S_GATE_DECISIONS", "gate_decisions", "register_gate_decisions.sql",
                    "S_QUALITY", "quality", "pdf_audit_quality.sql",
                    "S_SAMPLE", "sample", "audit_sample.sql",
                    "S_SQL", "sql", "audit_sql_files.sql"), Map.of());
            case ERROR_BUDGET -> new Template("error-budget", "pdf_cover.sql", sections("error-budget",
                    "S_BUDGETS", "budgets", "budget_services.sql",
                    "S_INCIDENTS", "incidents", "budget_incidents.sql",
                    "S_EXHAUSTED", "exhausted", "pdf_budget_exhausted.sql",
                    "S_POSTMORTEMS", "postmortems", "budget_postmortems.sql"),
                    burndowns());
            case SCORECARD -> new Template("scorecard", "pdf_cover.sql", sections("scorecard",
                    "S_TEAMS", "teams", "pdf_scorecard_teams.sql",
                    "S_HEALTH", "health", "pdf_scorecard_health.sql",
                    "S_GOVERNANCE", "governance", "scorecard_governance.sql"),
                    orderedMap("SQL_D_FREQUENCY", "pdf_scorecard_frequency.sql", "SQL_D_TREND",
                            "pdf_scorecard_trend.sql", "SQL_D_SEVERITY", "pdf_scorecard_severity.sql"));
        };
    }

    /** Small multiples of the burn-down: this many charts, one service each, those with the least budget left. */
    static final int BURNDOWN_CHARTS = 8;

    /**
     * The burn-down charts' queries ({@code SQL_D_BURNDOWN_1} ...): one file, with the rank of the chart's service
     * written in for {@code :rank}.
     */
    private static Map<String, String> burndowns() {
        Map<String, String> charts = new LinkedHashMap<>();
        for (int rank = 1; rank <= BURNDOWN_CHARTS; rank++) {
            charts.put("SQL_D_BURNDOWN_" + rank, "pdf_budget_burndown.sql" + RANK + rank);
        }
        return charts;
    }

    /** Separates a data set's file from the rank written into it ({@code pdf_budget_burndown.sql#3}). */
    private static final String RANK = "#";

    /** The SQL files (below {@code sql/reports/}) that a document's PDF runs. */
    static List<String> sqlFiles(Document document) {
        return template(document).sqlFiles().stream().map(file -> file.split(RANK)[0]).distinct().toList();
    }

    /**
     * Which issue of the period's documents this is, for the covers: its version (1, or the {@code --rerun} that made
     * it), the folder it supersedes (relative to the job's output folder, as the manifest has it), why it was issued,
     * and the job.
     */
    record Issue(int version, String supersedes, String reason, String job) {

        /** For a cover: "version 2, supersedes example/2026-10, reason: ...", or null for a first issue. */
        String describe() {
            if (version == 1 && reason == null) {
                return null;
            }
            return "version " + version + (supersedes == null ? "" : ", supersedes " + job + "/" + supersedes)
                    + (reason == null ? "" : ", reason: " + reason);
        }
    }

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

    Path write(long runId, Path folder, Document document, Issue issue) {
        String generatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Path file = folder.resolve(document.fileName() + ".pdf");
        Path partial = folder.resolve(document.fileName() + ".pdf.partial");
        // pages beyond a few in memory are swapped to a temporary file: a large register never fills the heap
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(50,
                new JRSwapFile(System.getProperty("java.io.tmpdir"), 4096, 64), true);
        try {
            return export(fill(template(document), runId, generatedAt, issue, virtualizer), file, partial, folder);
        } finally {
            virtualizer.cleanup();
        }
    }

    private JasperPrint fill(Template document, long runId, String generatedAt, Issue issue,
            JRSwapFileVirtualizer virtualizer) {
        return snapshot.execute(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                Map<String, Object> parameters = new HashMap<>();
                parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
                parameters.put("RUN_ID", runId);
                parameters.put("GENERATED_AT", generatedAt);
                parameters.put("ENGINE_VERSION", EngineVersion.get());
                parameters.put("ISSUE", issue.describe());
                parameters.put("SQL", query(document.sql(), runId));
                document.sections().forEach((parameter, section) -> {
                    parameters.put(parameter, template(section.template()));
                    parameters.put("SQL_" + parameter, query(section.sql(), runId));
                });
                document.datasets().forEach((parameter, sql) -> parameters.put(parameter, query(sql, runId)));
                return JasperFillManager.fillReport(template(document.master()), parameters, connection);
            } catch (JRException e) {
                throw new IllegalStateException("could not fill " + document.master() + ".pdf: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
    }

    /** A query's text for Jasper ({@code $P!{SQL}}), with the run id written in. */
    private static String query(String file, long runId) {
        // the run id and a chart's rank are numbers the engine chose, never input: safe to write into the text
        String[] fileAndRank = file.split(RANK);
        String text = SqlFile.load("reports/" + fileAndRank[0]).text().replace(":run_id", Long.toString(runId));
        return fileAndRank.length > 1 ? text.replace(":rank", Integer.toString(Integer.parseInt(fileAndRank[1])))
                : text;
    }

    private static Path export(JasperPrint print, Path file, Path partial, Path folder) {
        try {
            Files.createDirectories(folder);
            JasperExportManager.exportReportToPdfFile(print, partial.toString());
            return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (JRException e) {
            throw new IllegalStateException("could not write " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ManifestFiles.deletePartial(partial); // a file half written is never left behind
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

    private static Map<String, Section> sections(String folder, String... parameterTemplateAndSql) {
        Map<String, Section> sections = new LinkedHashMap<>();
        for (int i = 0; i < parameterTemplateAndSql.length; i += 3) {
            sections.put(parameterTemplateAndSql[i],
                    new Section(folder + "/" + parameterTemplateAndSql[i + 1], parameterTemplateAndSql[i + 2]));
        }
        return sections;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
