/**
 * Spring Batch plumbing shared by the modules that run batch jobs (ingest, scheduling) and the command line that
 * stops them: a listener that logs each step as it ends and the registry of this engine's own running executions.
 * A named interface of the kernel, so that only the modules that declare {@code kernel :: batch} may use it, and
 * Spring Batch types stay out of the kernel's own API.
 */
@NamedInterface("batch")
package com.releaseledger.kernel.batch;

import org.springframework.modulith.NamedInterface;
