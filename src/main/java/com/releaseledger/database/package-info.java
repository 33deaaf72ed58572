/** The ledger database: a PostgreSQL server by JDBC URL, or the embedded PostgreSQL with a persistent data directory. */
package com.releaseledger.database;
