package com.releaseledger.kernel;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the writers of output files read the ledger: from one REPEATABLE READ, read-only snapshot, with rows that
 * stream. PostgreSQL streams a result through a cursor only inside a transaction and with a fetch size; without
 * them the driver holds the whole result (at 3M deployments, 2.1M findings: more than a 512 MB heap).
 */
public final class ReadSnapshot {

    /** Rows fetched at a time. */
    public static final int FETCH_SIZE = 5_000;

    private ReadSnapshot() {
    }

    /** A transaction template for one consistent, read-only view of the ledger. */
    public static TransactionTemplate transaction(PlatformTransactionManager transactionManager) {
        TransactionTemplate snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        return snapshot;
    }

    /** A template whose queries stream (when run inside {@link #transaction}). */
    public static NamedParameterJdbcTemplate streaming(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(FETCH_SIZE);
        return new NamedParameterJdbcTemplate(jdbc);
    }
}
