/**
 * Ingest: source files (CSV, JSON Lines) into the ledger tables with their lineage, the file registry and its
 * reconciliation, rejected rows and versions. {@link com.releaseledger.ingest.IngestService} is the module's API.
 */
@ApplicationModule(allowedDependencies = {"kernel", "kernel :: batch"})
package com.releaseledger.ingest;

import org.springframework.modulith.ApplicationModule;
