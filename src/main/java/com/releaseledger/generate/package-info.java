/** A deterministic generator of realistic sources, for the example data, tests and the benchmark. */
package com.releaseledger.generate;
