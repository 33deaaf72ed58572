package com.releaseledger.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.releaseledger.kernel.Sha256;

import tools.jackson.databind.JsonNode;

/** The manifests found on disk below a job's output folder. */
final class ManifestFiles {

    private ManifestFiles() {
    }

    /** A manifest file, its SHA-256 and what it says. */
    record Found(Path file, String sha256, JsonNode content) {
        String generatedAt() {
            return content.path("generated_at").asString("");
        }
    }

    static List<Found> below(Path jobFolder) {
        if (!Files.isDirectory(jobFolder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(jobFolder, 3)) {
            return walk.filter(path -> path.getFileName().toString().equals(ReportService.MANIFEST))
                    .map(ManifestFiles::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Found> newestIn(Path jobFolder) {
        return below(jobFolder).stream().max(Comparator.comparing(Found::generatedAt));
    }

    static Found read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new Found(file, Sha256.of(bytes), ReportService.JSON.readTree(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file's {@code .partial} twin if a failed write left one; the real file is never touched. */
    static void deletePartial(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // the next publish of the folder removes it; the failure that brought us here is what matters
        }
    }
}
