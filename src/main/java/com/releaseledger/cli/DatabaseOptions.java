package com.releaseledger.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.releaseledger.database.JdbcUrls;

import picocli.CommandLine.Option;

/** The options that choose the ledger database, shared by every command that opens it. */
final class DatabaseOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:RELEASE_LEDGER_DATA_DIR}",
            description = "Data directory of the embedded PostgreSQL (default ~/.release-ledger/db; "
                    + "env RELEASE_LEDGER_DATA_DIR).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:RELEASE_LEDGER_DB_URL}",
            description = "Use this PostgreSQL server instead of the embedded one (env RELEASE_LEDGER_DB_URL).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:RELEASE_LEDGER_DB_USER}",
            description = "User for --db-url (env RELEASE_LEDGER_DB_USER).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:RELEASE_LEDGER_DB_PASSWORD}",
            description = "Password for --db-url (env RELEASE_LEDGER_DB_PASSWORD; prefer the variable: an option "
                    + "is visible to anyone who lists the processes).")
    String password;

    @Option(names = "--verbose", description = "Detailed logs, and stack traces on errors.")
    boolean verbose;

    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        if (url != null && !url.isBlank()) {
            properties.put("release-ledger.db.url", url);
            if (user != null) {
                properties.put("release-ledger.db.user", user);
            }
            if (password != null) {
                properties.put("release-ledger.db.password", password);
            }
        }
        if (dataDir != null) {
            properties.put("release-ledger.db.data-dir", dataDir.toAbsolutePath().toString());
        }
        if (verbose) {
            properties.put("logging.level.root", "INFO");
            // the frameworks' errors, with their stack traces (quiet otherwise: application.properties)
            properties.put("logging.level.org.springframework.batch", "INFO");
            properties.put("logging.level.net.sf.jasperreports", "INFO");
            properties.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext",
                    "WARN");
            properties.put("logging.level.org.springframework.boot.web.server.servlet.context"
                    + ".AnnotationConfigServletWebServerApplicationContext", "WARN");
        }
        return properties;
    }

    String describe() {
        if (url != null && !url.isBlank()) {
            return "PostgreSQL server " + JdbcUrls.redacted(url);
        }
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".release-ledger", "db");
        return "embedded PostgreSQL in " + dir;
    }
}
