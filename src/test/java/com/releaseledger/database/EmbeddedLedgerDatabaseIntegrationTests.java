package com.releaseledger.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server as the engine starts it: durable, and checkpointing seldom enough for a month's loads. */
class EmbeddedLedgerDatabaseIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void startsDurableWithRoomForAMonthsWalBetweenCheckpoints() throws Exception {
        try (EmbeddedLedgerDatabase database = EmbeddedLedgerDatabase.start(dataDir);
                Connection connection = DriverManager.getConnection(database.jdbcUrl())) {
            // zonky's defaults are fsync and synchronous_commit off: an audit ledger must survive a crash
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
            // with the defaults (1GB, 5min) a 10M-deployment bench wrote 9.1 million whole pages into the WAL
            assertThat(setting(connection, "max_wal_size")).isEqualTo("8GB");
            assertThat(setting(connection, "checkpoint_timeout")).isEqualTo("15min");
        }
    }

    private static String setting(Connection connection, String name) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
