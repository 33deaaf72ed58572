package com.releaseledger.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and knows where it is: bytes that do not decode fail with the physical line they are on
 * (java.io's own reader decodes ahead and cannot say which line was bad).
 */
final class StrictUtf8Reader extends Reader {

    /** Bytes that are not UTF-8, on a given line. */
    static final class InvalidUtf8Exception extends IOException {
        private final long line;

        InvalidUtf8Exception(long line) {
            super("not valid UTF-8 on line " + line);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private long newlines;
    private boolean endOfInput;
    private boolean finished;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.position() == offset && !finished) {
            int start = bytes.position();
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            countNewlines(start, bytes.position());
            if (result.isError()) {
                throw new InvalidUtf8Exception(newlines + 1);
            }
            if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(out);
                    finished = true;
                } else {
                    fill();
                }
            }
        }
        int produced = out.position() - offset;
        return produced == 0 && finished ? -1 : produced;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void countNewlines(int from, int to) {
        byte[] array = bytes.array();
        for (int i = from; i < to; i++) {
            if (array[i] == '\n') {
                newlines++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
