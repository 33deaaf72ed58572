package com.releaseledger.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** The lines of a JSON Lines file that hold something, each with its physical line number; a BOM is dropped. */
final class JsonLines implements AutoCloseable {

    private final String file;
    private final BufferedReader reader;
    private long line;

    JsonLines(String file, Reader reader) {
        this.file = file;
        this.reader = new BufferedReader(reader, 1 << 16);
    }

    /** The next line that is not blank, or null at the end of the file. */
    String next() {
        String text;
        do {
            try {
                text = reader.readLine();
            } catch (IOException e) {
                throw RecordSource.unreadable(file, line + 1, e);
            }
            if (text == null) {
                return null;
            }
            line++;
            if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
        } while (text.isBlank());
        return text;
    }

    /** The line of the text {@link #next} returned last. */
    long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
