/**
 * The small shared kernel: value types every module uses (SQL files by name with their hashes, SHA-256, the engine
 * version, the bad-input exception, a read snapshot); its named interface {@code batch} holds the Spring Batch
 * plumbing.
 */
@ApplicationModule(allowedDependencies = {})
package com.releaseledger.kernel;

import org.springframework.modulith.ApplicationModule;
