package com.releaseledger.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.releaseledger.analysis.AnalysisCsvFiles;
import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.AnalysisService;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.kernel.EngineVersion;
import com.releaseledger.kernel.Sha256;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's output folder (DESIGN.md section 7): the data files and {@code manifest.json}, which names the
 * run, the period, the policy, every input file and SQL file with its SHA-256, every output with its SHA-256 and
 * size, and the SHA-256 of the previous manifest of the same job. Never overwrites: a period produced again goes
 * into a new version beside the old ({@code <period>/v2/}, ...).
 */
@Service
public class ReportService {

    static final String MANIFEST = "manifest.json";
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Trends show the run's period and this many before it. */
    static final int TREND_PERIODS = 5;

    private final JdbcTemplate jdbc;
    private final AnalysisCsvFiles csv;
    private final Workbooks workbooks;
    private final PdfReports pdfs;
    private final AnalysisService analysis;

    ReportService(JdbcTemplate jdbc, AnalysisCsvFiles csv, Workbooks workbooks, PdfReports pdfs,
            AnalysisService analysis) {
        this.jdbc = jdbc;
        this.csv = csv;
        this.workbooks = workbooks;
        this.pdfs = pdfs;
        this.analysis = analysis;
    }

    /** Writes the run's files (all three documents) into the next version of its folder and chains its manifest. */
    public PublishedRun publish(long runId, AnalysisRequest request, Path output) {
        return publish(runId, request, output, Set.of("audit-pack", "error-budget", "scorecard"));
    }

    /** As {@link #publish(long, AnalysisRequest, Path)}, writing only the named documents (and the CSV files). */
    public PublishedRun publish(long runId, AnalysisRequest request, Path output, Set<String> reports) {
        Path periodFolder = output.resolve(request.job()).resolve(request.period().label());
        int version = 1;
        Path folder = periodFolder;
        Path supersedes = null;
        while (Files.exists(folder.resolve(MANIFEST))) {
            supersedes = folder;
            folder = periodFolder.resolve("v" + (++version));
        }
        List<Path> files = new ArrayList<>(csv.write(runId, folder));
        analyseTrendPeriods(runId, request);
        files.addAll(pdfs.write(runId, folder, reports));
        files.addAll(workbooks.write(runId, folder, reports));
        String previous = previousManifest(request.job(), output);
        Map<String, Object> manifest = manifest(runId, request, version, supersedes == null ? null
                : periodFolder.getParent().relativize(supersedes).toString(), files, previous);
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        String sha = Sha256.of(bytes);
        Path manifestFile = write(folder.resolve(MANIFEST), bytes);
        files.add(manifestFile);
        jdbc.update("""
                INSERT INTO report_manifest (job, period, version, run_id, folder, manifest_sha256, previous_sha256,
                                             manifest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", request.job(), request.period().label(), version, runId,
                folder.toAbsolutePath().normalize().toString(), sha, previous,
                new String(bytes, StandardCharsets.UTF_8));
        return new PublishedRun(folder, version, supersedes, List.copyOf(files), sha);
    }

    /** The periods before the run's, analysed from the ledger with the same policy (DESIGN.md 7.2: trends). */
    private void analyseTrendPeriods(long runId, AnalysisRequest request) {
        ReportingPeriod period = request.period();
        for (int i = 0; i < TREND_PERIODS; i++) {
            period = period.previous();
            long trend = analysis.analyze(new AnalysisRequest(request.job(), period, null, request.policy())).runId();
            jdbc.update("UPDATE analysis_run SET trend_of = ? WHERE run_id = ?", runId, trend);
        }
    }

    /** The newest manifest of the job: in the ledger, else (a ledger that is new) in the job's output folder. */
    private String previousManifest(String job, Path output) {
        List<String> stored = jdbc.queryForList("SELECT manifest_sha256 FROM report_manifest WHERE job = ?"
                + " ORDER BY manifest_id DESC LIMIT 1", String.class, job);
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        return ManifestFiles.newestIn(output.resolve(job)).map(ManifestFiles.Found::sha256).orElse(null);
    }

    private Map<String, Object> manifest(long runId, AnalysisRequest request, int version, String supersedes,
            List<Path> outputs, String previous) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("manifest_version", 1);
        manifest.put("run_id", runId);
        manifest.put("job", request.job());
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("label", request.period().label());
        period.put("start", request.period().start().toString());
        period.put("end", request.period().end().toString());
        period.put("zone", request.period().zone().getId());
        manifest.put("period", period);
        manifest.put("as_of", request.asOf().toString());
        manifest.put("version", version);
        manifest.put("supersedes", supersedes);
        manifest.put("policy", request.policy().asMap());
        manifest.put("engine_version", EngineVersion.get());
        manifest.put("inputs", jdbc.queryForList("""
                SELECT file_id, path, kind, format, sha256, size_bytes, rows_read, rows_loaded, rows_rejected,
                       rows_duplicate
                FROM source_file WHERE status = 'loaded' ORDER BY load_seq"""));
        JsonNode sqlFiles = JSON.readTree(jdbc.queryForObject(
                "SELECT sql_files::text FROM analysis_run WHERE run_id = ?", String.class, runId));
        List<Map<String, Object>> sql = new ArrayList<>();
        sqlFiles.properties().forEach(entry -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", "sql/" + entry.getKey());
            file.put("sha256", entry.getValue().asString());
            sql.add(file);
        });
        manifest.put("sql_files", sql);
        List<Map<String, Object>> files = new ArrayList<>();
        for (Path output : outputs) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("file", output.getFileName().toString());
            file.put("sha256", Sha256.of(output));
            file.put("size_bytes", size(output));
            files.add(file);
        }
        manifest.put("outputs", files);
        manifest.put("previous_manifest_sha256", previous);
        manifest.put("generated_at", Instant.now().toString());
        return manifest;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.write(partial, bytes);
            return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
