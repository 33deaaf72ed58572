package com.releaseledger.database;

import javax.sql.DataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The ledger's data source: a PostgreSQL server by URL, else the embedded one. Flyway migrates either. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    LedgerServer ledgerServer(DatabaseSettings settings) {
        return settings.embedded()
                ? new LedgerServer(EmbeddedLedgerDatabase.start(settings.effectiveDataDir()))
                : new LedgerServer(null);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings settings, LedgerServer server) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ledger");
        config.setMaximumPoolSize(6);
        if (server.embedded() != null) {
            config.setJdbcUrl(server.embedded().jdbcUrl());
            config.setUsername("postgres");
        } else {
            // a password written into the URL is given to the pool apart, so that nothing that prints the URL
            // (the pool, Flyway, the driver's metadata) ever prints it
            String inUrl = JdbcUrls.password(settings.url());
            config.setJdbcUrl(inUrl == null ? settings.url() : JdbcUrls.withoutPassword(settings.url()));
            config.setUsername(settings.user());
            config.setPassword(settings.password() != null ? settings.password() : inUrl);
        }
        return new HikariDataSource(config);
    }

    /** Holds the embedded server, if any, so that it stops after the pool that uses it. */
    record LedgerServer(EmbeddedLedgerDatabase embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
