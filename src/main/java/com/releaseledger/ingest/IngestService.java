package com.releaseledger.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.releaseledger.kernel.AdvisoryLock;
import com.releaseledger.kernel.BadInputException;
import com.releaseledger.kernel.Failures;
import com.releaseledger.kernel.Sha256;
import com.releaseledger.kernel.batch.Restarts;

/**
 * Ingests source files into the ledger (DESIGN.md section 2.5): registers each file with its SHA-256, skips a
 * file already loaded, runs the ingest job (resuming a file whose earlier load was interrupted), and refuses a
 * structurally broken file whole.
 */
@Service
public class IngestService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("release-ledger");

    /** Advisory-lock namespace: one lock per source file being loaded, so two processes never load one file. */
    private static final int LOCK_NAMESPACE = 0x52_4c_49_4e; // "RLIN"

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job ingestFileJob;
    private final IngestProgress progress;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    IngestService(DataSource dataSource, JobOperator jobOperator, JobRepository jobRepository, Job ingestFileJob,
            IngestProgress progress) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ingestFileJob = ingestFileJob;
        this.progress = progress;
    }

    /**
     * Ingests one file.
     *
     * @return its reconciliation; a refused file is a report, not an exception
     * @throws IngestFailedException when the load stopped for another reason (it resumes on the next ingest)
     */
    public FileReport ingest(IngestRequest request) {
        return ingest(request, null);
    }

    /**
     * Ingests one file as part of a run ({@code runInstance}, the run's Spring Batch job instance, or null): a file
     * with these bytes and path that the same run registered already (a run resumed after a kill) is taken as it
     * was, loaded, skipped or refused, and not registered again.
     */
    public FileReport ingest(IngestRequest request, Long runInstance) {
        Path path = request.path();
        String name = path.toString();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new MalformedSourceException(name, 1, "no such readable file");
        }
        // size and time first, then the bytes: a file that grows while it is hashed no longer matches at publication
        long size = size(path);
        java.sql.Timestamp modified = modified(path);
        String sha256 = Sha256.of(path);
        if (runInstance != null) {
            List<Long> earlier = jdbc.queryForList("""
                    SELECT file_id FROM source_file
                    WHERE run_instance_id = ? AND sha256 = ? AND path = ? AND status IN ('loaded', 'skipped', 'refused')
                    ORDER BY file_id DESC LIMIT 1""", Long.class, runInstance, sha256, name);
            if (!earlier.isEmpty()) {
                return report(earlier.get(0));
            }
        }
        Long loaded = findFile(sha256, "loaded");
        if (loaded != null) {
            return skipped(request, sha256, size, loaded, runInstance);
        }
        long fileId = register(request, sha256, size, modified, runInstance);
        try (Connection lock = dataSource.getConnection()) {
            AdvisoryLock fileLock = new AdvisoryLock(LOCK_NAMESPACE, Long.toString(fileId));
            if (!fileLock.tryLock(lock)) {
                // another engine is loading these very bytes (two jobs that share a file): wait for it, then take
                // its outcome as every later ingest of the file would
                log.info("{} is being ingested by another process: waiting for it", name);
                fileLock.lock(lock);
            }
            try {
                String status = jdbc.queryForObject("SELECT status FROM source_file WHERE file_id = ?", String.class,
                        fileId);
                if (!"loading".equals(status)) {
                    return "loaded".equals(status) ? skipped(request, sha256, size, fileId, runInstance)
                            : report(fileId);
                }
                return load(request, fileId);
            } finally {
                fileLock.unlock(lock);
            }
        } catch (SQLException e) {
            throw new IngestFailedException("database error while ingesting " + name + ": " + e.getMessage(), e);
        }
    }

    /** Registers the file as skipped: its bytes are those of a file already loaded ({@code loaded}). */
    private FileReport skipped(IngestRequest request, String sha256, long size, long loaded, Long runInstance) {
        Long skipped = jdbc.queryForObject("""
                INSERT INTO source_file (kind, format, path, sha256, size_bytes, source_zone, status, duplicate_of,
                                         finished_at, profile, profile_sha256, constants, run_instance_id)
                VALUES (?, ?, ?, ?, ?, ?, 'skipped', ?, now(), ?, ?, ?, ?) RETURNING file_id""", Long.class,
                request.kind().id(), request.formatId(), request.path().toString(), sha256, size,
                request.zone().getId(), loaded, profileName(request), profileSha(request), constants(request),
                runInstance);
        return report(skipped);
    }

    /** The file's modification time, to tell at publication whether it changed while it was read. */
    private static java.sql.Timestamp modified(Path path) {
        try {
            return new java.sql.Timestamp(Files.getLastModifiedTime(path).toMillis());
        } catch (IOException e) {
            throw new MalformedSourceException(path.toString(), 1, "cannot be read: " + e.getMessage());
        }
    }

    private long register(IngestRequest request, String sha256, long size, java.sql.Timestamp modified,
            Long runInstance) {
        Long resumed = findFile(sha256, "loading");
        if (resumed != null) {
            String how = jdbc.queryForObject("SELECT kind || ' ' || format || ' ' || source_zone"
                    + " || coalesce(' ' || profile || ' ' || profile_sha256, '') FROM source_file WHERE file_id = ?",
                    String.class, resumed);
            String asked = request.kind().id() + " " + request.formatId() + " " + request.zone().getId()
                    + (request.profile() == null ? "" : " " + request.profile().describe().replace(" ", "")
                    + " " + request.profile().sha256());
            if (!asked.equals(how)) {
                throw new BadInputException(request.path() + " is partly loaded as " + how.replace(" ", ", ")
                        + (how.split(" ").length > 3 ? " (kind, format, zone, profile, its SHA-256)"
                                : " (kind, format, zone)") + "; ingest it the same way to resume it");
            }
            return resumed;
        }
        try {
            return jdbc.queryForObject("""
                    INSERT INTO source_file (kind, format, path, sha256, size_bytes, source_zone, status, profile,
                                             profile_sha256, constants, modified_at, run_instance_id)
                    VALUES (?, ?, ?, ?, ?, ?, 'loading', ?, ?, ?, ?, ?) RETURNING file_id""", Long.class,
                    request.kind().id(), request.formatId(), request.path().toString(), sha256, size,
                    request.zone().getId(), profileName(request), profileSha(request), constants(request),
                    modified, runInstance);
        } catch (DuplicateKeyException raced) {
            return findFile(sha256, "loading"); // another process registered it a moment ago
        }
    }

    private FileReport load(IngestRequest request, long fileId) {
        JobParameters parameters = new JobParametersBuilder()
                .addLong("file.id", fileId)
                .addString("path", request.path().toString(), false)
                .addString("kind", request.kind().id(), false)
                .addString("format", request.format().id(), false)
                .addString("zone", request.zone().getId(), false)
                .addString("max.rejected.share", request.maxRejectedShare() == null ? ""
                        : request.maxRejectedShare().toPlainString(), false)
                .addString("profile", request.profile() == null ? "" : request.profile().reference(), false)
                .addString("profile.sha256", profileSha(request) == null ? "" : profileSha(request), false)
                .addString("constants", constants(request) == null ? "" : constants(request), false)
                .toJobParameters();
        // we hold the file's lock: whatever an earlier start left half made belongs to an engine that is gone
        Restarts.recover(jobRepository, jobOperator, IngestJobConfiguration.JOB_NAME, parameters);
        progress.start(request.path().getFileName().toString());
        JobExecution execution;
        try {
            execution = jobOperator.start(ingestFileJob, parameters);
        } catch (Exception e) {
            throw new IngestFailedException("could not start the ingest of " + request.path() + ": " + e.getMessage(), e);
        } finally {
            progress.finish();
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return report(fileId);
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable failure : failures) {
            MalformedSourceException malformed = Failures.causeOf(failure, MalformedSourceException.class)
                    .orElse(null);
            if (malformed != null) {
                refuse(request.kind(), fileId, malformed);
                abandon(execution);
                return report(fileId);
            }
        }
        for (Throwable failure : failures) {
            // a value the database refused (a data exception or a limit): retrying would fail the same way, so the
            // file is refused whole, with the database's words; a lost connection is not this, and resumes
            SQLException refusedValue = Failures.causeOf(failure, SQLException.class)
                    .filter(e -> e.getSQLState() != null
                            && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("54")))
                    .orElse(null);
            if (refusedValue != null) {
                refuse(request.kind(), fileId, null, "the database could not store a value of the file ("
                        + refusedValue.getMessage().lines().findFirst().orElse("").replaceAll("\\s+", " ").strip()
                        + "); nothing of it is loaded");
                abandon(execution);
                return report(fileId);
            }
        }
        Throwable first = failures.isEmpty() ? null : failures.get(0);
        throw new IngestFailedException("ingest of " + request.path() + " stopped (" + execution.getStatus()
                + (first == null ? "" : ": " + Failures.rootMessage(first)) + "); run it again to resume", first,
                execution.getStatus() == BatchStatus.STOPPED);
    }

    /** A refused file's execution is never to be restarted: its registry row is final. */
    private void abandon(JobExecution execution) {
        try {
            jobOperator.abandon(execution);
        } catch (Exception e) {
            throw new IngestFailedException("could not close the failed ingest job: " + e.getMessage(), e);
        }
    }

    /** Nothing of a structurally broken file stays in the ledger; the registry keeps why. */
    private void refuse(Kind kind, long fileId, MalformedSourceException malformed) {
        refuse(kind, fileId, malformed.line(), "line " + malformed.line() + ": " + malformed.reason());
    }

    /** As above, for a cause that names no line of the file ({@code line} null). */
    private void refuse(Kind kind, long fileId, Long line, String error) {
        jdbc.update("DELETE FROM " + kind.table() + " WHERE file_id = ?", fileId);
        jdbc.update("DELETE FROM ingest_note WHERE file_id = ?", fileId);
        jdbc.update("DELETE FROM rejected_row WHERE file_id = ?", fileId);
        jdbc.update("""
                UPDATE source_file SET status = 'refused', rows_read = 0, error_line = ?, error = ?, finished_at = now()
                WHERE file_id = ?""", line, error, fileId);
    }

    /** The reconciliation of a registered file, as the ledger holds it. */
    public FileReport report(long fileId) {
        return jdbc.queryForObject("""
                SELECT file_id, path, kind, sha256, size_bytes, status, rows_read, rows_loaded, rows_rejected,
                       rows_duplicate, duplicate_of, error, ignored_columns, profile, profile_sha256,
                       (SELECT count(*) FROM ingest_note n WHERE n.file_id = f.file_id) AS ignored_values
                FROM source_file f WHERE file_id = ?""", (rs, row) -> new FileReport(
                rs.getLong("file_id"), rs.getString("path"), Kind.of(rs.getString("kind")), rs.getString("sha256"),
                rs.getLong("size_bytes"), outcome(rs.getString("status")), rs.getLong("rows_read"),
                rs.getLong("rows_loaded"), rs.getLong("rows_rejected"), rs.getLong("rows_duplicate"),
                (Long) rs.getObject("duplicate_of"), rs.getString("error"), rs.getString("ignored_columns"),
                rs.getLong("ignored_values"), rs.getString("profile"), rs.getString("profile_sha256")), fileId);
    }

    private static FileReport.Outcome outcome(String status) {
        return switch (status) {
            case "loaded" -> FileReport.Outcome.LOADED;
            case "skipped" -> FileReport.Outcome.SKIPPED;
            case "refused" -> FileReport.Outcome.REFUSED;
            default -> throw new IllegalStateException("file still loading");
        };
    }

    private static String profileName(IngestRequest request) {
        return request.profile() == null ? null : request.profile().describe().replace(" ", "");
    }

    private static String profileSha(IngestRequest request) {
        return request.profile() == null ? null : request.profile().sha256();
    }

    /** The constants as the registry keeps them (JSON, keys sorted), or null. */
    private static String constants(IngestRequest request) {
        return request.constants().isEmpty() ? null : JSON.writeValueAsString(request.constants());
    }

    private Long findFile(String sha256, String status) {
        List<Long> ids = jdbc.queryForList("SELECT file_id FROM source_file WHERE sha256 = ? AND status = ?",
                Long.class, sha256, status);
        return ids.isEmpty() ? null : ids.get(0);
    }


    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
