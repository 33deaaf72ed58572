/**
 * The benchmark (issue 6): generates an enterprise month, measures the machine's limit (a bare COPY of each file into
 * a typed scratch table, a plain aggregate per metric) and the engine on the same files and database (ingest of
 * each kind, the analysis, each document), with peak heap and process memory.
 * {@link com.releaseledger.benchmark.Benchmark} is the module's API.
 */
@ApplicationModule(allowedDependencies = {"analysis", "generate", "ingest", "kernel", "reporting"})
package com.releaseledger.benchmark;

import org.springframework.modulith.ApplicationModule;
