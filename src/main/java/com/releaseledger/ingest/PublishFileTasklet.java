package com.releaseledger.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.releaseledger.kernel.SqlFile;

/**
 * Makes a loaded file visible, all at once, in one transaction: assigns its place in the load order, drops
 * rows equal to the latest version of their id, counts, checks that {@code read = loaded + rejected + duplicate},
 * and either publishes the file (its rows become the current versions of their ids) or refuses it whole when its
 * rejected share is above the job's maximum.
 */
class PublishFileTasklet implements Tasklet {

    private static final SqlFile DROP_UNCHANGED = SqlFile.load("ingest/drop_unchanged_versions.sql");
    private static final SqlFile PUBLISH_CURRENT = SqlFile.load("ingest/publish_current_versions.sql");
    private static final int PUBLISH_LOCK_NAMESPACE = 0x52_4c_50_55; // "RLPU"
    /**
     * The planner setting the publishing statement runs under. Into a table of current versions that the planner
     * knows to be empty (a first load, after an {@code ANALYZE} of the empty ledger), PostgreSQL would check each
     * new id by scanning that table again from the start while the statement fills it: quadratic, minutes for a
     * file of a hundred thousand ids. A hash (or merge) anti join reads it once.
     */
    static final String PUBLISH_PLANNER_SETTING = "SET LOCAL enable_nestloop = off";

    private final NamedParameterJdbcTemplate jdbc;
    private final Kind kind;
    private final long fileId;
    private final Path path;
    private final BigDecimal maxRejectedShare;

    PublishFileTasklet(DataSource dataSource, Kind kind, long fileId, Path path, BigDecimal maxRejectedShare) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.kind = kind;
        this.fileId = fileId;
        this.path = path;
        this.maxRejectedShare = maxRejectedShare;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        MapSqlParameterSource file = new MapSqlParameterSource("file_id", fileId);
        String status = jdbc.queryForObject("SELECT status FROM source_file WHERE file_id = :file_id FOR UPDATE",
                file, String.class);
        if (!"loading".equals(status)) {
            return RepeatStatus.FINISHED; // published (or refused) by an earlier attempt
        }
        String changed = changedSinceRegistered(file);
        if (changed != null) {
            // its rows were read from other bytes than the SHA-256 registered for it: refused whole, nothing kept
            jdbc.update("DELETE FROM " + kind.table() + " WHERE file_id = :file_id", file);
            jdbc.update("DELETE FROM ingest_note WHERE file_id = :file_id", file);
            jdbc.update("DELETE FROM rejected_row WHERE file_id = :file_id", file);
            jdbc.update("""
                    UPDATE source_file SET status = 'refused', rows_read = 0, error = :error, finished_at = now()
                    WHERE file_id = :file_id""", file.addValue("error", "the file changed while it was loaded ("
                    + changed + "): nothing of it is kept; ingest it again once it is complete"));
            return RepeatStatus.FINISHED;
        }
        // one file of a kind published at a time: its duplicate check and its current versions (see
        // sql/ingest/publish_current_versions.sql) read the kind's versions as no other publishing file changes them
        jdbc.query("SELECT pg_advisory_xact_lock(:namespace, hashtext(:kind))",
                new MapSqlParameterSource("namespace", PUBLISH_LOCK_NAMESPACE).addValue("kind", kind.id()),
                (ResultSetExtractor<Void>) rs -> null);
        // the joins and sorts over a file's rows in memory (the server's default spilled a million rows to disk)
        jdbc.getJdbcTemplate().execute("SET LOCAL work_mem = '128MB'");
        jdbc.getJdbcTemplate().execute("SET LOCAL jit = off"); // compiling these scans cost more than it saved
        jdbc.update("UPDATE source_file SET load_seq = nextval('source_file_load_seq') WHERE file_id = :file_id", file);
        // fresh statistics first: after a bulk load the planner would otherwise take a table of a million rows
        // for a few thousand, here and in every analysis and report query that follows
        jdbc.getJdbcTemplate().execute("ANALYZE " + kind.table());
        Map<String, String> tables = tables(kind);
        Long dropped = jdbc.queryForObject(DROP_UNCHANGED.with(tables), file, Long.class);
        long duplicate = dropped == null ? 0 : dropped;
        long loaded = count("SELECT count(*) FROM " + kind.table() + " WHERE file_id = :file_id", file);
        long rejected = count("SELECT count(*) FROM rejected_row WHERE file_id = :file_id", file);
        long read = count("SELECT rows_read FROM source_file WHERE file_id = :file_id", file);
        if (read != loaded + rejected + duplicate) {
            throw new IllegalStateException("file " + fileId + " does not reconcile: read " + read + " != loaded "
                    + loaded + " + rejected " + rejected + " + duplicate " + duplicate);
        }
        file.addValue("loaded", loaded).addValue("rejected", rejected).addValue("duplicate", duplicate);
        if (maxRejectedShare != null && read > 0 && BigDecimal.valueOf(rejected)
                .divide(BigDecimal.valueOf(read), 12, RoundingMode.HALF_UP).compareTo(maxRejectedShare) > 0) {
            file.addValue("error", rejected + " of " + read + " rows rejected, a share above the job's maximum of "
                    + maxRejectedShare.stripTrailingZeros().toPlainString() + "; the file is refused whole");
            jdbc.update("DELETE FROM " + kind.table() + " WHERE file_id = :file_id", file);
            jdbc.update("DELETE FROM ingest_note WHERE file_id = :file_id", file);
            jdbc.update("""
                    UPDATE source_file SET status = 'refused', load_seq = NULL, rows_loaded = 0,
                           rows_rejected = :rejected, rows_duplicate = 0, error = :error, finished_at = now()
                    WHERE file_id = :file_id""", file);
        } else {
            jdbc.update("""
                    UPDATE source_file SET status = 'loaded', rows_loaded = :loaded, rows_rejected = :rejected,
                           rows_duplicate = :duplicate, finished_at = now()
                    WHERE file_id = :file_id""", file);
            jdbc.getJdbcTemplate().execute(PUBLISH_PLANNER_SETTING); // the last statement but the ANALYZE
            jdbc.update(publishStatement(kind), file);
            jdbc.getJdbcTemplate().execute("ANALYZE " + kind.currentTable()); // for the next file's duplicate check
        }
        return RepeatStatus.FINISHED;
    }

    /** The statement that makes a file's rows the current versions of their ids (its parameter: :file_id). */
    static String publishStatement(Kind kind) {
        return PUBLISH_CURRENT.with(tables(kind));
    }

    private static Map<String, String> tables(Kind kind) {
        return Map.of("version_table", kind.table(), "current_table", kind.currentTable(),
                "id_column", kind.idColumn());
    }

    /** How the file differs now from when it was registered (its size, its modification time), or null. */
    private String changedSinceRegistered(MapSqlParameterSource file) {
        Map<String, Object> registered = jdbc.queryForMap(
                "SELECT size_bytes, modified_at FROM source_file WHERE file_id = :file_id", file);
        try {
            long size = Files.size(path);
            long was = ((Number) registered.get("size_bytes")).longValue();
            if (size != was) {
                return String.format("%,d bytes when it was registered, %,d now", was, size);
            }
            Timestamp modified = (Timestamp) registered.get("modified_at");
            long now = Files.getLastModifiedTime(path).toMillis();
            if (modified != null && modified.getTime() != now) {
                return "modified at " + Instant.ofEpochMilli(now) + ", after it was registered";
            }
            return null;
        } catch (IOException e) {
            return "it cannot be read any more: " + e.getMessage();
        }
    }

    private long count(String sql, MapSqlParameterSource parameters) {
        Long value = jdbc.queryForObject(sql, parameters, Long.class);
        return value == null ? 0 : value;
    }
}
