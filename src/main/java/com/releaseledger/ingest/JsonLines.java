package com.releaseledger.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;

/** The lines of a JSON Lines file that hold something, each with its physical line number; a BOM is dropped. */
final class JsonLines implements AutoCloseable {

    /** The first quoted text of a parser message: the character or token it stopped at. */
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

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

    /**
     * What is wrong with a line that is not JSON, in our words and with its column: the parser's own message names
     * its internals ("[Source: REDACTED ...", token names), which a reader of the data-quality register cannot use.
     */
    static String problem(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String what;
        if (lower.startsWith("unexpected end-of-input")) {
            what = "the record ends before it is closed (a missing } or ])";
        } else if (lower.startsWith("unexpected character")) {
            Matcher quoted = QUOTED.matcher(message);
            what = "unexpected character" + (quoted.find() ? " '" + quoted.group(1) + "'" : "");
        } else if (lower.startsWith("unrecognized token")) {
            Matcher quoted = QUOTED.matcher(message);
            what = "a word that is not a JSON value" + (quoted.find() ? " (" + quoted.group(1) + ")" : "");
        } else if (lower.contains("unexpected close marker")) {
            what = "a closing bracket that matches nothing";
        } else if (lower.contains("illegal unquoted character") || lower.contains("illegal character")) {
            what = "a control character inside a text (it must be escaped)";
        } else if (lower.contains("duplicate field")) {
            what = "a field named twice";
        } else {
            // a message we do not know: its first clause, without the parser's location
            what = message.split("\\n|\\(start marker| at \\[Source", 2)[0].trim();
        }
        long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return "not valid JSON" + (column > 0 ? " at column " + column : "") + ": " + what;
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
