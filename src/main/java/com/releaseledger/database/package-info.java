/** The ledger database: a PostgreSQL server by JDBC URL, or the embedded PostgreSQL with a persistent data directory. */
@ApplicationModule(allowedDependencies = {})
package com.releaseledger.database;

import org.springframework.modulith.ApplicationModule;
