package com.releaseledger.reporting;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.releaseledger.kernel.BadInputException;

/**
 * The documents a run writes (DESIGN.md section 7), each as a PDF and a workbook, in the order they are written:
 * the one name that job files, the command line, the templates ({@code reports/<name>.jrxml}) and the output
 * files ({@code <name>.pdf}, {@code <name>.xlsx}) share.
 */
public enum Document {
    AUDIT_PACK("audit-pack"),
    ERROR_BUDGET("error-budget"),
    SCORECARD("scorecard");

    private final String fileName;

    Document(String fileName) {
        this.fileName = fileName;
    }

    /** The name as job files write it, and of the files and templates: {@code audit-pack}. */
    public String fileName() {
        return fileName;
    }

    public static Set<Document> all() {
        return EnumSet.allOf(Document.class);
    }

    /** The document of that name, as job files write it. */
    public static Document of(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(document -> document.fileName.equals(key)).findFirst()
                .orElseThrow(() -> new BadInputException("report \"" + name + "\" is not one of "
                        + Arrays.stream(values()).map(Document::fileName).collect(Collectors.joining(", ", "[", "]"))));
    }

    @Override
    public String toString() {
        return fileName;
    }
}
