package com.releaseledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The sheets' buffered writer hands on every character, in order, across its 64K blocks. */
class UnlockedBufferedWriterTests {

    @Test
    void everyCharacterArrivesInOrderAcrossBlocks() throws IOException {
        StringWriter below = new StringWriter();
        StringBuilder expected = new StringBuilder();
        try (WorkbookWriter.UnlockedBufferedWriter writer = new WorkbookWriter.UnlockedBufferedWriter(below)) {
            // pieces of every size up to three blocks, by each of the three ways a writer is given characters
            for (int i = 0; i < 2_000; i++) {
                String piece = "<c r=\"A" + i + "\">é€" + "x".repeat(i * 97 % 1_000) + "</c>";
                switch (i % 3) {
                    case 0 -> writer.write(piece);
                    case 1 -> writer.write(piece.toCharArray(), 0, piece.length());
                    default -> piece.chars().forEach(c -> {
                        try {
                            writer.write(c);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                expected.append(piece);
            }
            String large = "y".repeat(3 * 65_536 + 17);
            writer.write("[" + large + "]", 1, large.length());
            expected.append(large);
            char[] larger = ("(" + "z".repeat(70_001) + ")").toCharArray(); // and past the block as an array
            writer.write(larger, 1, 70_001);
            expected.append("z".repeat(70_001));
            assertThat(expected.length()).isGreaterThan(4 * 65_536);
        }
        assertThat(below.toString()).isEqualTo(expected.toString());
    }

    @Test
    void flushHandsOnWhatIsBuffered() throws IOException {
        StringWriter below = new StringWriter();
        WorkbookWriter.UnlockedBufferedWriter writer = new WorkbookWriter.UnlockedBufferedWriter(below);
        writer.write("<row r=\"1\">");
        assertThat(below.toString()).isEmpty();
        writer.flush();
        assertThat(below.toString()).isEqualTo("<row r=\"1\">");
    }

    @Test
    void closesOnceAndRefusesToWriteAfter() throws IOException {
        java.util.concurrent.atomic.AtomicInteger closes = new java.util.concurrent.atomic.AtomicInteger();
        StringWriter below = new StringWriter() {
            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        WorkbookWriter.UnlockedBufferedWriter writer = new WorkbookWriter.UnlockedBufferedWriter(below);
        writer.write("</sheetData>");
        writer.close();
        writer.close(); // as SXSSFWorkbook does: the sheet's XML is read back, then the sheet disposed of
        assertThat(below.toString()).isEqualTo("</sheetData>");
        assertThat(closes).hasValue(1);
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable late : java.util.List.<
                org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(() -> writer.write("x"),
                () -> writer.write(new char[] {'x'}, 0, 1), () -> writer.write('x'), writer::flush)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(late).isInstanceOf(IOException.class)
                    .hasMessageContaining("closed");
        }
        assertThat(below.toString()).isEqualTo("</sheetData>");
    }
}
