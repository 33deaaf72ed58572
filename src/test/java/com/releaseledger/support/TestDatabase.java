package com.releaseledger.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL the integration tests run against, chosen once per test JVM: the server named by
 * {@code RELEASE_LEDGER_TEST_DB_URL} (CI points it at a scratch database), else a Testcontainers PostgreSQL when
 * Docker is available, else an embedded PostgreSQL in a temporary directory. So the suite passes on a laptop
 * with nothing installed.
 */
public final class TestDatabase {

    /** How to connect. */
    public record Connection(String url, String user, String password, String origin) {
    }

    private static Connection connection;

    private TestDatabase() {
    }

    /** A command line's arguments followed by the options that point it at the test database. */
    public static String[] commandLine(String... args) {
        Connection db = get();
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        all.addAll(java.util.List.of("--db-url", db.url(), "--db-user", db.user(), "--db-password", db.password()));
        return all.toArray(String[]::new);
    }

    public static synchronized Connection get() {
        if (connection == null) {
            connection = start();
        }
        return connection;
    }

    private static Connection start() {
        String url = System.getenv("RELEASE_LEDGER_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String user = System.getenv().getOrDefault("RELEASE_LEDGER_TEST_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("RELEASE_LEDGER_TEST_DB_PASSWORD", "");
            return new Connection(url, user, password, "server from RELEASE_LEDGER_TEST_DB_URL");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary directory goes with it
                }
            }));
            return new Connection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
