package com.releaseledger.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger lives: a PostgreSQL server when {@code url} is set, else the embedded PostgreSQL whose data
 * persists in {@code dataDir}.
 *
 * @param url      JDBC URL of a PostgreSQL server, or empty for the embedded database
 * @param user     user for the server
 * @param password password for the server
 * @param dataDir  data directory of the embedded database
 */
@ConfigurationProperties("release-ledger.db")
public record DatabaseSettings(String url, String user, String password, Path dataDir) {

    public static final String URL_VARIABLE = "RELEASE_LEDGER_DB_URL";
    public static final String USER_VARIABLE = "RELEASE_LEDGER_DB_USER";
    public static final String PASSWORD_VARIABLE = "RELEASE_LEDGER_DB_PASSWORD";
    public static final String DATA_DIR_VARIABLE = "RELEASE_LEDGER_DATA_DIR";

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    /** The data directory to use: the configured one, else {@code ~/.release-ledger/db}. */
    public Path effectiveDataDir() {
        return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".release-ledger", "db");
    }
}
