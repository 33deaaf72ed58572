/**
 * A deterministic generator of realistic sources, for the example data, tests and the benchmark. Rows are set by
 * canonical field name and written in the order of the ingest module's {@code Kind}, so a generated file always has
 * its kind's columns.
 */
@ApplicationModule(allowedDependencies = {"ingest", "kernel"})
package com.releaseledger.generate;

import org.springframework.modulith.ApplicationModule;
