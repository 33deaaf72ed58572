package com.releaseledger.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What has run (DESIGN.md section 8): whether a job's period has completed, the past runs, and the lock that keeps
 * two engines from running the same job at once (a PostgreSQL advisory lock per job, so the manifests of a job
 * always form one chain).
 */
@Service
public class JobRuns {

    /** Advisory-lock namespace for jobs: "RLJB". */
    private static final int LOCK_NAMESPACE = 0x52_4c_4a_42;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    JobRuns(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A run as `runs` lists it. */
    public record PastRun(long runId, String job, String period, String asOf, String startedAt, Double seconds,
            long findings, long pending, Integer version, String folder) {
    }

    /** The newest output folder of a completed run of the job and period, or null when none completed. */
    public String completedFolder(String job, String period) {
        List<String> folders = jdbc.queryForList("SELECT folder FROM report_manifest WHERE job = ? AND period = ?"
                + " ORDER BY manifest_id DESC LIMIT 1", String.class, job, period);
        return folders.isEmpty() ? null : folders.get(0);
    }

    /** Runs {@code work} holding the job's lock; waits while another engine runs the same job. */
    public <T> T exclusively(String job, Supplier<T> work) {
        try (Connection lock = dataSource.getConnection()) {
            call(lock, "SELECT pg_advisory_lock(?, hashtext(?))", job);
            try {
                return work.get();
            } finally {
                call(lock, "SELECT pg_advisory_unlock(?, hashtext(?))", job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the lock of job " + job + ": " + e.getMessage(), e);
        }
    }

    private static void call(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_NAMESPACE);
            statement.setString(2, job);
            statement.execute();
        }
    }

    /** The analysis runs (not the trend runs behind them), oldest first, of one job or of all. */
    public List<PastRun> runs(String job) {
        return jdbc.query("""
                SELECT r.run_id, r.job, r.period, to_char(r.as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS as_of,
                       to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started_at,
                       extract(epoch FROM r.finished_at - r.started_at)::double precision AS seconds,
                       (SELECT count(*) FROM finding f WHERE f.run_id = r.run_id AND NOT f.pending) AS findings,
                       (SELECT count(*) FROM finding f WHERE f.run_id = r.run_id AND f.pending) AS pending,
                       m.version, m.folder
                FROM analysis_run r
                LEFT JOIN report_manifest m ON m.run_id = r.run_id
                WHERE r.trend_of IS NULL AND (CAST(? AS text) IS NULL OR r.job = ?)
                ORDER BY r.run_id""", (rs, n) -> new PastRun(rs.getLong("run_id"), rs.getString("job"),
                rs.getString("period"), rs.getString("as_of"), rs.getString("started_at"),
                (Double) rs.getObject("seconds"), rs.getLong("findings"), rs.getLong("pending"),
                (Integer) rs.getObject("version"), rs.getString("folder")), job, job);
    }
}
