package com.releaseledger.ingest;

import java.nio.file.Path;
import java.util.Locale;

import com.releaseledger.kernel.BadInputException;

/** The file formats a source can come in (DESIGN.md section 2). */
public enum SourceFormat {
    CSV("csv"), JSONL("jsonl");

    private final String id;

    SourceFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses `csv`, `jsonl` (or `ndjson`, `json`) in any letter case. */
    public static SourceFormat of(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "csv" -> CSV;
            case "jsonl", "ndjson", "json" -> JSONL;
            default -> throw new BadInputException("format \"" + name + "\" is not one of [csv, jsonl]");
        };
    }

    /** The format a file's extension implies: `.jsonl`, `.ndjson` and `.json` are JSON Lines, anything else CSV. */
    public static SourceFormat fromPath(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json") ? JSONL : CSV;
    }
}
