package com.releaseledger.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Compiles the report templates ({@code reports/**}{@code /*.jrxml}) to {@code .jasper} files at build time
 * (Maven's process-classes phase), so that a broken template fails the build, not a run.
 */
public final class ReportCompiler {

    private ReportCompiler() {
    }

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        List<Path> templates;
        try (Stream<Path> walk = Files.walk(source)) {
            templates = walk.filter(path -> path.toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path template : templates) {
            Path compiled = target.resolve(source.relativize(template).toString().replaceAll("\\.jrxml$", ".jasper"));
            if (Files.exists(compiled) && Files.getLastModifiedTime(compiled).compareTo(
                    Files.getLastModifiedTime(template)) > 0) {
                continue;
            }
            Files.createDirectories(compiled.getParent());
            try {
                JasperCompileManager.compileReportToFile(template.toString(), compiled.toString());
            } catch (JRException e) {
                throw new IllegalStateException("report template " + template + " does not compile: " + e.getMessage(), e);
            }
        }
    }
}
