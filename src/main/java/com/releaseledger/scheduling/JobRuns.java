package com.releaseledger.scheduling;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.releaseledger.kernel.AdvisoryLock;

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

    /**
     * A run as {@code runs} lists it: an attempt of a scheduled run (Spring Batch job execution) or an analysis run by
     * {@code analyze}.
     */
    public record PastRun(String startedAt, String job, String period, String status, Double seconds, Long runId,
            Long findings, Long pending, Integer version, String folder) {
    }

    /** The newest output folder of a completed run of the job and period, or null when none completed. */
    public String completedFolder(String job, String period) {
        List<String> folders = jdbc.queryForList("SELECT folder FROM report_manifest WHERE job = ? AND period = ?"
                + " ORDER BY manifest_id DESC LIMIT 1", String.class, job, period);
        return folders.isEmpty() ? null : folders.get(0);
    }

    /** How many times the job's period completed (the versions of its output). */
    public long completedCount(String job, String period) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM report_manifest WHERE job = ? AND period = ?",
                Long.class, job, period);
        return count == null ? 0 : count;
    }

    /** The state of the job's newest attempt at the period: "completed, FOLDER", "failed", "stopped" or "not run". */
    public String state(String job, String period) {
        String folder = completedFolder(job, period);
        List<String> status = jdbc.queryForList("""
                SELECT e.status FROM batch_job_execution e
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id AND i.job_name = ?
                WHERE EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
                              AND p.parameter_name = 'job' AND p.parameter_value = ?)
                  AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id
                              AND p.parameter_name = 'period' AND p.parameter_value = ?)
                ORDER BY e.job_execution_id DESC LIMIT 1""", String.class, RunJobConfiguration.JOB_NAME, job, period);
        String last = status.isEmpty() ? null : status.get(0);
        if (last != null && !last.equals("COMPLETED") && !last.equals("ABANDONED")) {
            return last.equals("FAILED") || last.equals("STOPPED")
                    ? last.toLowerCase() + " (the next run resumes it)" : last.toLowerCase();
        }
        return folder == null ? "not run" : "completed, " + folder;
    }

    /** Runs {@code work} holding the job's lock; waits while another engine runs the same job. */
    public <T> T exclusively(String job, Supplier<T> work) {
        try (Connection lock = dataSource.getConnection()) {
            AdvisoryLock jobLock = new AdvisoryLock(LOCK_NAMESPACE, job);
            jobLock.lock(lock);
            try {
                return work.get();
            } finally {
                jobLock.unlock(lock);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the lock of job " + job + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every attempt of a scheduled run (with its status) and every analysis run by {@code analyze}, oldest first, of
     * one job or of all. Trend runs, which belong to the run they were analysed for, are not listed.
     */
    public List<PastRun> runs(String job) {
        return jdbc.query("""
                WITH attempt AS (
                    SELECT e.job_execution_id, e.job_instance_id, e.status, e.start_time, e.end_time,
                           max(p.parameter_value) FILTER (WHERE p.parameter_name = 'job') AS job,
                           max(p.parameter_value) FILTER (WHERE p.parameter_name = 'period') AS period
                    FROM batch_job_execution e
                    JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id AND i.job_name = ?
                    JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
                    GROUP BY e.job_execution_id
                ), listed AS (
                    SELECT a.start_time AS started, a.job, a.period, a.status,
                           extract(epoch FROM a.end_time - a.start_time)::double precision AS seconds,
                           CASE WHEN a.status = 'COMPLETED' THEN r.run_id END AS run_id
                    FROM attempt a
                    LEFT JOIN analysis_run r ON r.job_instance_id = a.job_instance_id AND r.trend_of IS NULL
                    UNION ALL
                    SELECT r.started_at::timestamp, r.job, r.period, 'COMPLETED',
                           extract(epoch FROM r.finished_at - r.started_at)::double precision, r.run_id
                    FROM analysis_run r WHERE r.trend_of IS NULL AND r.job_instance_id IS NULL
                )
                SELECT to_char(l.started, 'YYYY-MM-DD"T"HH24:MI:SS') AS started_at, l.job, l.period, l.status,
                       l.seconds, l.run_id,
                       (SELECT count(*) FROM finding f WHERE f.run_id = l.run_id AND NOT f.pending) AS findings,
                       (SELECT count(*) FROM finding f WHERE f.run_id = l.run_id AND f.pending) AS pending,
                       m.version, m.folder
                FROM listed l
                LEFT JOIN report_manifest m ON m.run_id = l.run_id
                WHERE CAST(? AS text) IS NULL OR l.job = ?
                ORDER BY l.started""", (rs, n) -> new PastRun(rs.getString("started_at"), rs.getString("job"),
                rs.getString("period"), rs.getString("status"), (Double) rs.getObject("seconds"),
                (Long) rs.getObject("run_id"), rs.getObject("run_id") == null ? null : rs.getLong("findings"),
                rs.getObject("run_id") == null ? null : rs.getLong("pending"), (Integer) rs.getObject("version"),
                rs.getString("folder")), RunJobConfiguration.JOB_NAME, job, job);
    }
}
