/**
 * Ingest: source files (CSV, JSON Lines) into the ledger tables with their lineage, the file registry and its
 * reconciliation, rejected rows and versions. {@link com.releaseledger.ingest.IngestService} is the module's API.
 */
package com.releaseledger.ingest;
