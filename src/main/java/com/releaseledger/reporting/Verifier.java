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

    Verifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Verification verify(Path folder) {
        List<String> lines = new ArrayList<>();
        Path manifestFile = folder.resolve(ReportService.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            lines.add("FAILED " + manifestFile + ": no manifest");
            return new Verification(lines, false);
        }
        ManifestFiles.Found current = ManifestFiles.read(manifestFile);
        boolean passed = checkFolder(folder, current, lines);
        passed &= checkRecorded(folder, current, lines);
        passed &= walkChain(folder, current, lines);
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
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals(ReportService.MANIFEST) && !listed.contains(name)) {
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

    /** The manifest on disk is byte for byte the one the ledger recorded for this folder. */
    private boolean checkRecorded(Path folder, ManifestFiles.Found manifest, List<String> lines) {
        List<String> recorded = jdbc.queryForList("SELECT manifest_sha256 FROM report_manifest WHERE folder = ?",
                String.class, folder.toAbsolutePath().normalize().toString());
        if (recorded.isEmpty()) {
            lines.add("note: the ledger in use has no record of " + folder + "; checked against the files alone");
            return true;
        }
        if (!recorded.get(0).equals(manifest.sha256())) {
            lines.add("FAILED " + folder.resolve(ReportService.MANIFEST) + ": SHA-256 " + manifest.sha256()
                    + ", the ledger recorded " + recorded.get(0));
            return false;
        }
        lines.add("ok " + folder.resolve(ReportService.MANIFEST) + " is the manifest the ledger recorded");
        return true;
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
