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
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import com.releaseledger.analysis.AnalysisCsvFiles;
import com.releaseledger.analysis.AnalysisRequest;
import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.kernel.EngineVersion;
import com.releaseledger.kernel.Sha256;
import com.releaseledger.kernel.SqlFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
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
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final JdbcTemplate jdbc;
    private final AnalysisCsvFiles csv;
    private final Workbooks workbooks;
    private final PdfReports pdfs;
    private final ManifestSignature signature;

    /** How many documents are written at once ({@code release-ledger.documents.threads}, default 3; 1: in turn). */
    private final int documentThreads;

    ReportService(JdbcTemplate jdbc, AnalysisCsvFiles csv, Workbooks workbooks, PdfReports pdfs,
            ManifestSignature signature, @Value("${release-ledger.documents.threads:3}") int documentThreads) {
        this.documentThreads = documentThreads;
        this.jdbc = jdbc;
        this.csv = csv;
        this.workbooks = workbooks;
        this.pdfs = pdfs;
        this.signature = signature;
    }

    /** Writes the run's files (all three documents) into the next version of its folder and chains its manifest. */
    public PublishedRun publish(long runId, AnalysisRequest request, Path output) {
        return publish(runId, request, output, Document.all());
    }

    /** As {@link #publish(long, AnalysisRequest, Path)}, writing only the named documents (and the CSV files). */
    public PublishedRun publish(long runId, AnalysisRequest request, Path output, Set<Document> reports) {
        return publish(runId, request, output, reports, null);
    }

    /**
     * As {@link #publish(long, AnalysisRequest, Path, Set)}, saying why this version is issued ({@code run --reason}):
     * the documents' covers print it with the version and the folder it supersedes, and the manifest keeps it.
     */
    public PublishedRun publish(long runId, AnalysisRequest request, Path output, Set<Document> reports,
            String reason) {
        Path periodFolder = output.resolve(request.job()).resolve(request.period().label());
        int version = 1;
        Path folder = periodFolder;
        Path supersedes = null;
        while (Files.exists(folder.resolve(MANIFEST))) {
            supersedes = folder;
            folder = periodFolder.resolve("v" + (++version));
        }
        List<PublishedRun.Part> seconds = new ArrayList<>();
        Path into = folder;
        String superseded = supersedes == null ? null : periodFolder.getParent().relativize(supersedes).toString();
        PdfReports.Issue issue = new PdfReports.Issue(version, superseded, reason, request.job());
        List<Path> files = new ArrayList<>(timed("csv files", null, seconds, () -> csv.write(runId, into)));
        recordSqlFiles(runId, reports);
        // PDFs first, then workbooks, each in the order of Document: the order of the manifest, whatever order the
        // writers finish in
        List<DocumentFile> documents = new ArrayList<>();
        for (Document document : Document.values()) {
            if (reports.contains(document)) {
                documents.add(new DocumentFile(document.fileName() + ".pdf", document,
                        () -> List.of(pdfs.write(runId, into, document, issue))));
            }
        }
        for (Document document : Document.values()) {
            if (reports.contains(document)) {
                documents.add(new DocumentFile(document.fileName() + ".xlsx", document,
                        () -> workbooks.write(runId, into, document)));
            }
        }
        long documentsStarted = System.nanoTime();
        files.addAll(writeConcurrently(documents, seconds));
        double documentsSeconds = (System.nanoTime() - documentsStarted) / 1e9;
        String previous = previousManifest(request.job(), output);
        Manifest manifest = manifest(runId, request, issue, files, previous);
        byte[] bytes = JSON.writeValueAsBytes(manifest);
        String sha = Sha256.of(bytes);
        // the signature first: a folder with a manifest is complete, so nothing may follow it
        files.add(write(folder.resolve(ManifestSignature.FILE), signature.sign(bytes)));
        Path manifestFile = write(folder.resolve(MANIFEST), bytes);
        files.add(manifestFile);
        jdbc.update("""
                INSERT INTO report_manifest (job, period, version, run_id, folder, manifest_sha256, previous_sha256,
                                             manifest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", request.job(), request.period().label(), version, runId,
                folder.toAbsolutePath().normalize().toString(), sha, previous,
                new String(bytes, StandardCharsets.UTF_8));
        return new PublishedRun(folder, version, supersedes, List.copyOf(files), sha, seconds, documentsSeconds);
    }

    /**
     * Records the SQL files the documents will run, with their hashes, before they run: the audit pack's SQL
     * section and the manifest list them (a document resumed after a failure records the same files again).
     */
    private void recordSqlFiles(long runId, Set<Document> documents) {
        Set<String> names = new TreeSet<>();
        for (Document document : documents) {
            names.addAll(PdfReports.sqlFiles(document));
            Workbooks.sheets(document).forEach(sheet -> names.add(sheet.sql().name().substring("reports/".length())));
        }
        for (String name : names) {
            SqlFile file = SqlFile.load("reports/" + name);
            jdbc.update("INSERT INTO report_sql_file (run_id, name, sha256) VALUES (?, ?, ?)"
                    + " ON CONFLICT (run_id, name) DO NOTHING", runId, file.name(), file.sha256());
        }
    }

    /**
     * A document's file to write: its name, its document and the writer, which gives the file and then any it
     * wrote beside it (a workbook's populations too large for a sheet, as CSV).
     */
    private record DocumentFile(String name, Document document, Supplier<List<Path>> writer) {

        /**
         * How long it takes, relatively, to start the longest first: the order the benchmark measures them in at
         * 1M deployments (the audit workbook holds every population, the audit pack's PDF every finding).
         */
        int rank() {
            return List.of("audit-pack.xlsx", "audit-pack.pdf", "error-budget.xlsx", "error-budget.pdf",
                    "scorecard.pdf", "scorecard.xlsx").indexOf(name);
        }
    }

    /**
     * Writes the documents at the same time, on {@link #documentThreads} threads (each document reads its own
     * snapshot on its own connection, so they cannot see different ledgers any more than when written one after
     * the other: every document reads the run's stored results), the longest first. The files come back in the
     * order given. A failure is thrown as it was once the documents before it in that order are written (they are
     * awaited in turn), and the writers still running are then interrupted and awaited.
     */
    private List<Path> writeConcurrently(List<DocumentFile> documents, List<PublishedRun.Part> seconds) {
        if (documentThreads <= 1 || documents.size() <= 1) {
            return documents.stream().flatMap(d -> timed(d.name(), d.document(), seconds, d.writer()).stream())
                    .toList();
        }
        Map<DocumentFile, Future<List<Path>>> written = new LinkedHashMap<>();
        Map<DocumentFile, Double> took = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(documentThreads, documents.size()), task -> {
            Thread thread = new Thread(task, "release-ledger-document-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            documents.stream().sorted(java.util.Comparator.comparingInt(DocumentFile::rank))
                    .forEach(d -> written.put(d, pool.submit(() -> {
                        long started = System.nanoTime();
                        List<Path> files = d.writer().get();
                        took.put(d, (System.nanoTime() - started) / 1e9);
                        return files;
                    })));
            List<Path> files = new ArrayList<>();
            for (DocumentFile document : documents) {
                files.addAll(await(written.get(document)));
                seconds.add(new PublishedRun.Part(document.name(), document.document(), took.get(document)));
                log.debug("{} written in {} s", document.name(), String.format("%.1f", took.get(document)));
            }
            return files;
        } finally {
            pool.shutdownNow(); // after a failure: the others stop at their next interruptible wait
            try {
                pool.awaitTermination(5, TimeUnit.MINUTES); // never leave a writer behind the step that started it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<Path> await(Future<List<Path>> file) {
        try {
            return file.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the documents were written", e);
        }
    }

    private static <T> T timed(String part, Document document, List<PublishedRun.Part> parts, Supplier<T> work) {
        long started = System.nanoTime();
        T written = work.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        parts.add(new PublishedRun.Part(part, document, seconds));
        log.debug("{} written in {} s", part, String.format("%.1f", seconds));
        return written;
    }

    /** What {@link #publish} wrote for a run, read back from the ledger's copy of its manifest. */
    public PublishedRun published(long runId) {
        return jdbc.queryForObject("""
                SELECT folder, version, manifest_sha256, manifest FROM report_manifest WHERE run_id = ?
                ORDER BY manifest_id DESC LIMIT 1""", (rs, n) -> {
            Path folder = Path.of(rs.getString("folder"));
            JsonNode manifest = JSON.readTree(rs.getString("manifest"));
            List<Path> files = new ArrayList<>();
            manifest.get("outputs").forEach(output -> files.add(folder.resolve(output.get("file").asString())));
            if (Files.isRegularFile(folder.resolve(ManifestSignature.FILE))) {
                files.add(folder.resolve(ManifestSignature.FILE));
            }
            files.add(folder.resolve(MANIFEST));
            JsonNode supersedes = manifest.get("supersedes");
            Path root = folder.getFileName().toString().matches("v[0-9]+") ? folder.getParent().getParent()
                    : folder.getParent();
            return new PublishedRun(folder, rs.getInt("version"), supersedes == null || supersedes.isNull() ? null
                    : root.resolve(supersedes.asString()).normalize(), List.copyOf(files),
                    rs.getString("manifest_sha256"), List.of(), 0);
        }, runId);
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

    private Manifest manifest(long runId, AnalysisRequest request, PdfReports.Issue issue, List<Path> outputs,
            String previous) {
        List<Manifest.Input> inputs = jdbc.query("""
                SELECT file_id, path, kind, format, sha256, size_bytes, rows_read, rows_loaded, rows_rejected,
                       rows_duplicate, profile, profile_sha256, constants
                FROM source_file WHERE file_id IN (SELECT file_id FROM run_input_file WHERE run_id = ?)
                ORDER BY load_seq""", (rs, n) -> new Manifest.Input(
                rs.getLong("file_id"), rs.getString("path"), rs.getString("kind"), rs.getString("format"),
                rs.getString("sha256"), rs.getLong("size_bytes"), rs.getLong("rows_read"), rs.getLong("rows_loaded"),
                rs.getLong("rows_rejected"), rs.getLong("rows_duplicate"), rs.getString("profile"),
                rs.getString("profile_sha256"), rs.getString("constants")), runId);
        // the very rows of the audit pack's SQL section
        List<Manifest.SqlFileUsed> sql = new NamedParameterJdbcTemplate(jdbc).query(
                SqlFile.load("reports/audit_sql_files.sql").text(), Map.of("run_id", runId),
                (rs, n) -> new Manifest.SqlFileUsed(rs.getString("sql_file"), rs.getString("sha256")));
        List<Manifest.Output> files = outputs.stream().map(output -> new Manifest.Output(
                output.getFileName().toString(), Sha256.of(output), size(output))).toList();
        ReportingPeriod period = request.period();
        return new Manifest(1, runId, request.job(), new Manifest.Period(period.label(), period.start().toString(),
                period.end().toString(), period.zone().getId()), request.asOf().toString(), issue.version(),
                issue.supersedes(), issue.reason(), request.policy().asMap(), EngineVersion.get(), inputs, sql, files, previous, Instant.now().toString());
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
