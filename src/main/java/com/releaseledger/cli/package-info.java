/** The command line: parses options with picocli, opens the ledger and calls the modules' APIs. */
@ApplicationModule(allowedDependencies = {"analysis", "benchmark", "database", "generate", "http", "ingest", "kernel", "kernel :: batch", "reporting", "scheduling"})
package com.releaseledger.cli;

import org.springframework.modulith.ApplicationModule;
