package com.releaseledger.reporting;

import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} (DESIGN.md section 7), written by Jackson in this order with snake_case names: what the
 * run was, what went in (every input file and SQL file with its SHA-256), what came out, and the previous manifest
 * of the same job (the hash chain).
 */
record Manifest(int manifestVersion, long runId, String job, Period period, String asOf, int version,
        String supersedes, String reason, Map<String, Object> policy, String engineVersion, List<Input> inputs,
        List<SqlFileUsed> sqlFiles, List<Output> outputs, String previousManifestSha256, String generatedAt) {

    record Period(String label, String start, String end, String zone) {
    }

    /** An input file the run's population came from (audit pack section 2), with its reconciliation. */
    record Input(long fileId, String path, String kind, String format, String sha256, long sizeBytes, long rowsRead,
            long rowsLoaded, long rowsRejected, long rowsDuplicate, String profile, String profileSha256,
            String constants) {
    }

    record SqlFileUsed(String name, String sha256) {
    }

    record Output(String file, String sha256, long sizeBytes) {
    }
}
