package com.releaseledger.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL server, its data kept in a persistent directory. Durable: zonky turns fsync and
 * synchronous_commit off for speed, and an audit ledger must survive a machine crash, so both are turned on.
 */
final class EmbeddedLedgerDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedLedgerDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedLedgerDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedLedgerDatabase start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            stopOrphanedServer(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // memory for a month of a million deployments: the period's populations, their sorts and the
                    // statistics after each load stay in memory instead of spilling to disk (measured by `bench`)
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "64MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("temp_buffers", "64MB")
                    // a checkpoint every 1 GB of WAL (the default) made PostgreSQL write each page it changed next
                    // whole into the WAL again (a 10M-deployment month's bench: 9.1 million page images; with these
                    // settings, publishing its 1 % correction took 86.5 s instead of 221.1 s). Fewer checkpoints:
                    // fewer page images; a crash replays at most this much WAL
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new EmbeddedLedgerDatabase(postgres);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /**
     * A server left running on the data directory by a process that was killed would keep the directory locked.
     * If its owner is gone, stop it; if its owner is alive, another engine is using the directory: say so.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return; // PostgreSQL itself reports a damaged lock file
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (server.isEmpty()) {
            return; // a stale lock file; PostgreSQL removes it on start
        }
        Optional<ProcessHandle> owner = server.get().parent().filter(ProcessHandle::isAlive);
        boolean orphaned = owner.isEmpty() || owner.get().pid() == 1
                || owner.get().info().command().map(command -> !command.contains("java")).orElse(false);
        if (!orphaned) {
            throw new IllegalStateException("the data directory " + dataDir + " is in use by another release-ledger"
                    + " process (pid " + owner.get().pid() + "); wait for it to finish or use --data-dir");
        }
        log.warn("stopping the PostgreSQL server (pid {}) left running on {} by an earlier run", pid, dataDir);
        server.get().destroy();
        try {
            server.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the PostgreSQL server (pid " + pid + ") left running on "
                    + dataDir + "; stop it by hand", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
