package com.releaseledger.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One SQL file from the top-level {@code sql/} folder (shipped in the jar under {@code sql/}), loaded by name,
 * with its SHA-256 so that every number can name the exact query that made it.
 *
 * @param name   path below {@code sql/}, such as {@code ingest/drop_unchanged_versions.sql}
 * @param text   the file's text
 * @param sha256 hex SHA-256 of the file's bytes
 */
public record SqlFile(String name, String text, String sha256) {

    /** Loads {@code sql/<name>} from the class path. */
    public static SqlFile load(String name) {
        try (InputStream in = SqlFile.class.getClassLoader().getResourceAsStream("sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sql/" + name + " is not on the class path");
            }
            byte[] bytes = in.readAllBytes();
            return new SqlFile(name, new String(bytes, StandardCharsets.UTF_8), Sha256.of(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with each {@code {placeholder}} replaced (identifiers chosen by the code, never by input). */
    public String with(Map<String, String> placeholders) {
        String result = text;
        for (Map.Entry<String, String> entry : placeholders.entrySet()) {
            result = result.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return result;
    }
}
