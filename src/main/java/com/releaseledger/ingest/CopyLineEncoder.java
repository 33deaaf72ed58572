package com.releaseledger.ingest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * A valid row as one line of PostgreSQL COPY text for its kind's table of versions: file id, line number, row hash
 * (SHA-256 of the values' COPY text, so an unchanged record has the same hash in every file), then the values.
 * Not thread-safe: one encoder per thread.
 */
final class CopyLineEncoder {

    private static final HexFormat HEX = HexFormat.of();

    private final long fileId;
    private final MessageDigest sha256;
    private final StringBuilder values = new StringBuilder(256);
    private final StringBuilder line = new StringBuilder(512);

    CopyLineEncoder(long fileId) {
        this.fileId = fileId;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String encode(LedgerRow.Accepted row) {
        values.setLength(0);
        encodeValues(row.values(), values);
        line.setLength(0);
        line.append(fileId).append('\t').append(row.line()).append("\t\\\\x")
                .append(HEX.formatHex(sha256.digest(values.toString().getBytes(StandardCharsets.UTF_8))))
                .append('\t').append(values).append('\n');
        return line.toString();
    }

    /** The row's values in COPY text format; also the exact bytes its row hash is taken over. */
    private static void encodeValues(Object[] values, StringBuilder out) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.append("\\N");
            } else if (value instanceof String text) {
                escape(text, out);
            } else if (value instanceof Instant instant) {
                appendTimestamp(instant, out);
            } else if (value instanceof Boolean flag) {
                out.append(flag ? 't' : 'f');
            } else if (value instanceof BigDecimal number) {
                out.append(number.toPlainString());
            } else {
                out.append(value);
            }
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]+00}, which PostgreSQL reads as timestamptz (Instant.toString is slow). */
    private static void appendTimestamp(Instant instant, StringBuilder out) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1 || year > 9999) {
            out.append(instant); // outside four-digit years: the general form
            return;
        }
        pad(year, 4, out).append('-');
        pad(utc.getMonthValue(), 2, out).append('-');
        pad(utc.getDayOfMonth(), 2, out).append(' ');
        pad(utc.getHour(), 2, out).append(':');
        pad(utc.getMinute(), 2, out).append(':');
        pad(utc.getSecond(), 2, out);
        int micros = utc.getNano() / 1000;
        if (micros != 0) {
            pad(micros, 6, out.append('.'));
        }
        out.append("+00");
    }

    private static StringBuilder pad(int value, int width, StringBuilder out) {
        for (int divisor = (int) Math.pow(10, width - 1); divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                return true;
            }
        }
        return false;
    }

    private static void escape(String text, StringBuilder out) {
        if (!needsEscape(text)) {
            out.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
    }
}
