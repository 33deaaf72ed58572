/** A deterministic generator of realistic sources, for the example data, tests and the benchmark. */
@ApplicationModule(allowedDependencies = {"kernel"})
package com.releaseledger.generate;

import org.springframework.modulith.ApplicationModule;
