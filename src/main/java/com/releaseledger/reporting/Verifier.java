package com.releaseledger.reporting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.releaseledger.kernel.Sha256;

import tools.jackson.databind.JsonNode;

/**
 * Verifies an output folder: recomputes the SHA-256 and size of every file its manifest lists, checks that the
 * manifest is the one the ledger recorded, and walks the chain of manifests of the job back to its first run,
 * through the ledger and the job's sibling output folders; an earlier run's folder that is gone, or whose files
 * changed, fails the chain.
 */
@Service
public class Verifier {

    private final JdbcTemplate jdbc;
    private final ManifestSignature signature;

    Verifier(JdbcTemplate jdbc, ManifestSignature signature) {
        this.jdbc = jdbc;
        this.signature = signature;
    }

    public Verification verify(Path folder) {
        return verify(folder, false);
    }

    /**
     * Verifies the folder; {@code filesOnly} accepts a folder the ledger in use has no record of, checking its
     * files against its own manifest only (and saying so on the last line): without it such a folder fails, since
     * whoever holds a folder can rewrite its manifest's hashes.
     */
    public Verification verify(Path folder, boolean filesOnly) {
        List<String> lines = new ArrayList<>();
        Path manifestFile = folder.resolve(ReportService.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            lines.add("FAILED " + manifestFile + ": no manifest");
            lines.add("verification FAILED");
            return new Verification(lines, false);
        }
        ManifestFiles.Found current;
        try {
            current = ManifestFiles.read(manifestFile);
        } catch (tools.jackson.core.JacksonException e) {
            lines.add("FAILED " + manifestFile + ": not a manifest (" + e.getOriginalMessage().lines().findFirst()
                    .orElse("") + " at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                    + "): it was altered or is not Release Ledger's");
            lines.add("verification FAILED");
            return new Verification(lines, false);
        }
        boolean passed = checkFolder(folder, current, lines);
        passed &= checkSignature(folder, lines);
        Boolean recorded = checkRecorded(folder, current, lines);
        if (recorded == null) {
            if (!filesOnly) {
                lines.add("FAILED " + manifestFile + ": the ledger in use has no record of run "
                        + current.content().path("run_id").asLong() + " with this manifest (SHA-256 "
                        + current.sha256() + "); verify with the ledger that wrote it, or --files-only to check the"
                        + " files against this manifest alone");
                passed = false;
            } else {
                passed &= walkChain(folder, current, lines);
                lines.add(passed ? "the files match their manifest, but were only checked against themselves: the"
                        + " ledger in use has no record of this run" : "verification FAILED");
                return new Verification(lines, passed);
            }
        } else {
            passed &= recorded;
        }
        passed &= walkChain(folder, current, lines);
        passed &= walkForward(current, lines);
        lines.add(passed ? "verified: every hash matches and the chain is whole" : "verification FAILED");
        return new Verification(lines, passed);
    }

    /** Every listed output is there with its hash and size, and nothing else is in the folder. */
    private static boolean checkFolder(Path folder, ManifestFiles.Found manifest, List<String> lines) {
        boolean passed = true;
        Set<String> listed = new HashSet<>();
        for (JsonNode output : manifest.content().path("outputs")) {
            String name = output.path("file").asString();
            listed.add(name);
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                lines.add("FAILED " + file + ": missing");
                passed = false;
                continue;
            }
            String sha = Sha256.of(file);
            long size = size(file);
            if (!sha.equals(output.path("sha256").asString()) || size != output.path("size_bytes").asLong()) {
                lines.add("FAILED " + file + ": SHA-256 " + sha + " (" + size + " bytes), the manifest says "
                        + output.path("sha256").asString() + " (" + output.path("size_bytes").asLong() + " bytes)");
                passed = false;
            } else {
                lines.add("ok " + file);
            }
        }
        // the folder and every folder below it, except the later versions (v2/, ...) that hold their own manifests
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(path -> !isLaterVersion(folder, path)).toList()) {
                String name = folder.relativize(file).toString();
                if (!name.equals(ReportService.MANIFEST) && !name.equals(ManifestSignature.FILE)
                        && !listed.contains(name)) {
                    lines.add("FAILED " + file + ": not in the manifest");
                    passed = false;
                }
            }
        } catch (java.io.IOException e) {
            lines.add("FAILED " + folder + ": cannot be listed (" + e.getMessage() + ")");
            passed = false;
        }
        return passed;
    }

    /**
     * The manifest's signature ({@code manifest.sig}) holds for its bytes; says the key's fingerprint, and whether
     * it is this engine's own key. A manifest written before manifests were signed has none: said, not failed.
     */
    private boolean checkSignature(Path folder, List<String> lines) {
        Path file = folder.resolve(ReportService.MANIFEST);
        Path sig = folder.resolve(ManifestSignature.FILE);
        if (!Files.isRegularFile(sig)) {
            lines.add("note: " + file + " is not signed (written before manifests were signed)");
            return true;
        }
        try {
            ManifestSignature.Check check = signature.check(Files.readAllBytes(file), Files.readAllBytes(sig));
            if (!check.valid()) {
                lines.add("FAILED " + sig + ": the signature does not hold for " + file + " (key " + check.fingerprint()
                        + ")");
                return false;
            }
            lines.add("ok " + file + " signed by key " + check.fingerprint()
                    + (check.ours() ? " (this engine's key)" : " (not this engine's key: compare the fingerprint with"
                            + " the one its owner publishes)"));
            return true;
        } catch (java.io.IOException e) {
            lines.add("FAILED " + sig + ": cannot be read (" + e.getMessage() + ")");
            return false;
        }
    }

    /**
     * The manifest on disk is byte for byte the one the ledger recorded for its run: looked up by the run id it
     * names and by its own SHA-256, wherever the folder is now (a copy elsewhere verifies as the original). Null
     * when the ledger knows neither the run nor the manifest.
     */
    private Boolean checkRecorded(Path folder, ManifestFiles.Found manifest, List<String> lines) {
        Path file = folder.resolve(ReportService.MANIFEST);
        List<Map<String, Object>> bySha = jdbc.queryForList(
                "SELECT run_id, folder FROM report_manifest WHERE manifest_sha256 = ?", manifest.sha256());
        if (!bySha.isEmpty()) {
            String recordedFolder = (String) bySha.get(0).get("folder");
            lines.add("ok " + file + " is the manifest the ledger recorded for run " + bySha.get(0).get("run_id")
                    + (recordedFolder.equals(folder.toAbsolutePath().normalize().toString()) ? ""
                            : " (written to " + recordedFolder + "; this is a copy)"));
            return true;
        }
        long runId = manifest.content().path("run_id").asLong(-1);
        List<String> byRun = jdbc.queryForList("SELECT manifest_sha256 FROM report_manifest WHERE run_id = ?"
                + " ORDER BY manifest_id DESC", String.class, runId);
        if (byRun.isEmpty()) {
            return null;
        }
        lines.add("FAILED " + file + ": SHA-256 " + manifest.sha256() + ", the ledger recorded " + byRun.get(0)
                + " for run " + runId);
        return false;
    }

    /**
     * Follows the chain forward from this manifest through the ledger (each later manifest of the job names the one
     * before it), so a later run whose folder was deleted or changed fails the verification of an earlier one.
     */
    private boolean walkForward(ManifestFiles.Found start, List<String> lines) {
        String job = start.content().path("job").asString();
        String sha = start.sha256();
        boolean passed = true;
        int links = 0;
        Set<String> seen = new HashSet<>();
        while (seen.add(sha)) {
            List<Map<String, Object>> next = jdbc.queryForList("SELECT folder, manifest_sha256 FROM report_manifest"
                    + " WHERE previous_sha256 = ? ORDER BY manifest_id", sha);
            if (next.isEmpty()) {
                break;
            }
            Path later = Path.of((String) next.get(0).get("folder"));
            String laterSha = ((String) next.get(0).get("manifest_sha256")).trim();
            Path laterManifest = later.resolve(ReportService.MANIFEST);
            if (!Files.isRegularFile(laterManifest)) {
                lines.add("FAILED chain of " + job + ": the folder of a later run, " + later + ", is missing");
                passed = false;
            } else {
                ManifestFiles.Found found = ManifestFiles.read(laterManifest);
                if (!found.sha256().equals(laterSha)) {
                    lines.add("FAILED chain of " + job + ": the manifest of a later run, " + laterManifest
                            + ", is not the one the ledger recorded");
                    passed = false;
                } else {
                    passed &= checkFolder(later, found, lines);
                }
            }
            sha = laterSha;
            links++;
        }
        lines.add((passed ? "ok" : "FAILED") + " chain of " + job + ": " + links + " later manifest(s) to the newest");
        return passed;
    }

    /** Whether a file lies in a later version of the folder ({@code v2/} ...), which its own manifest covers. */
    private static boolean isLaterVersion(Path folder, Path file) {
        Path relative = folder.relativize(file);
        return relative.getNameCount() > 1 && relative.getName(0).toString().matches("v[0-9]+")
                && Files.isRegularFile(folder.resolve(relative.getName(0)).resolve(ReportService.MANIFEST));
    }

    /** Follows previous_manifest_sha256 back to the first run of the job. */
    private boolean walkChain(Path folder, ManifestFiles.Found start, List<String> lines) {
        String job = start.content().path("job").asString();
        Path jobFolder = jobFolder(folder, start);
        List<ManifestFiles.Found> onDisk = ManifestFiles.below(jobFolder);
        int links = 0;
        boolean passed = true;
        JsonNode current = start.content();
        Set<String> seen = new HashSet<>();
        while (current.hasNonNull("previous_manifest_sha256")) {
            String previous = current.path("previous_manifest_sha256").asString();
            if (!seen.add(previous)) {
                lines.add("FAILED chain of " + job + ": manifest " + previous + " appears twice (a loop)");
                return false;
            }
            Optional<ManifestFiles.Found> file = onDisk.stream().filter(f -> f.sha256().equals(previous)).findFirst();
            List<Map<String, Object>> stored = jdbc.queryForList(
                    "SELECT folder, manifest FROM report_manifest WHERE manifest_sha256 = ?", previous);
            if (file.isEmpty() && stored.isEmpty()) {
                lines.add("FAILED chain of " + job + ": the previous manifest " + previous
                        + " is neither in the ledger nor in " + jobFolder);
                return false;
            }
            if (!stored.isEmpty()) {
                String text = (String) stored.get(0).get("manifest");
                if (!Sha256.of(text.getBytes(StandardCharsets.UTF_8)).equals(previous)) {
                    lines.add("FAILED chain of " + job + ": the ledger's copy of manifest " + previous + " was altered");
                    return false;
                }
                Path recordedFolder = Path.of((String) stored.get(0).get("folder"));
                if (file.isEmpty()) {
                    lines.add("FAILED chain of " + job + ": the folder of an earlier run, " + recordedFolder
                            + ", is missing or its manifest changed");
                    passed = false;
                }
            }
            if (file.isPresent()) {
                Path earlier = file.get().file().getParent();
                passed &= checkFolder(earlier, file.get(), lines);
                current = file.get().content();
            } else {
                current = ReportService.JSON.readTree((String) stored.get(0).get("manifest"));
            }
            links++;
        }
        lines.add((passed ? "ok" : "FAILED") + " chain of " + job + ": " + links + " earlier manifest(s) back to the first");
        return passed;
    }

    /** {@code <output>/<job>/}: the folder is {@code <job>/<period>} or {@code <job>/<period>/vN}. */
    private static Path jobFolder(Path folder, ManifestFiles.Found manifest) {
        Path absolute = folder.toAbsolutePath().normalize();
        return manifest.content().path("version").asInt(1) > 1 ? absolute.getParent().getParent() : absolute.getParent();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
