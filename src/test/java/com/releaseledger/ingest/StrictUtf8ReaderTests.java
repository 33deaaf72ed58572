package com.releaseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTests {

    @Test
    void decodesMultiByteCharactersThatSpanItsBuffer() throws IOException {
        // a 65,535-byte prefix puts the three bytes of the euro sign across the 64 KiB buffer's end
        String text = "a".repeat(65_535) + "\u20ac\nZürich,東京\n";

        assertThat(readAll(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void namesThePhysicalLineOfBytesThatAreNotUtf8() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("service,team\nalpha,payments\n".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {'b', 'e', 't', (byte) 0xE9, ',', 'x', '\n'}); // Latin-1 é on line 3
        bytes.write("gamma,y\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> readAll(bytes.toByteArray()))
                .isInstanceOfSatisfying(StrictUtf8Reader.InvalidUtf8Exception.class,
                        e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage("not valid UTF-8 on line 3");
    }

    @Test
    void aTruncatedSequenceAtTheEndIsNotUtf8() {
        byte[] bytes = {'o', 'k', '\n', (byte) 0xE2, (byte) 0x82}; // the euro sign without its last byte

        assertThatThrownBy(() -> readAll(bytes))
                .isInstanceOfSatisfying(StrictUtf8Reader.InvalidUtf8Exception.class,
                        e -> assertThat(e.line()).isEqualTo(2));
    }

    private static String readAll(byte[] bytes) throws IOException {
        try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes))) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return out.toString();
        }
    }
}
