package com.releaseledger.kernel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PostgreSQL session advisory lock of the ledger's, held on a connection of its own: the pair (namespace,
 * {@code hashtext(name)}), so a name of any length keys it and no number is cut to fit. Two names of one namespace
 * that hash alike only make one wait for the other, never share work.
 *
 * @param namespace what kind of thing the lock guards (a job's runs, a file's load)
 * @param name      which one: the job's name, the file's id
 */
public record AdvisoryLock(int namespace, String name) {

    /** Waits for the lock. */
    public void lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = prepare(connection, "SELECT pg_advisory_lock(?, hashtext(?))")) {
            statement.execute(); // returns void
        }
    }

    /** Takes the lock if no other session holds it. */
    public boolean tryLock(Connection connection) throws SQLException {
        return call(connection, "SELECT pg_try_advisory_lock(?, hashtext(?))");
    }

    public void unlock(Connection connection) throws SQLException {
        call(connection, "SELECT pg_advisory_unlock(?, hashtext(?))");
    }

    private boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql); ResultSet result = statement.executeQuery()) {
            return result.next() && result.getBoolean(1);
        }
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setInt(1, namespace);
        statement.setString(2, name);
        return statement;
    }
}
