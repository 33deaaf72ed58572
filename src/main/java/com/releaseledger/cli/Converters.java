package com.releaseledger.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Supplier;

import com.releaseledger.analysis.ReportingPeriod;
import com.releaseledger.ingest.Kind;
import com.releaseledger.ingest.SourceFormat;
import com.releaseledger.kernel.BadInputException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked where picocli reads them: a wrong one is a usage error (exit 2) that names the option and
 * what it expects, before anything runs.
 */
final class Converters {

    private Converters() {
    }

    /** The parsed value, or the parser's own message as picocli's conversion error. */
    private static <T> T checked(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (BadInputException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code --zone}: an IANA zone or an offset. */
    static final class Zone implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.trim());
            } catch (DateTimeException e) {
                throw new TypeConversionException("\"" + value + "\" is not a time zone (an IANA name such as "
                        + "Europe/London, UTC, or an offset such as +02:00)");
            }
        }
    }

    /** {@code --period}: a month, ISO week or quarter (its instants come later, in the reporting zone). */
    static final class Period implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(() -> ReportingPeriod.parse(value, ZoneOffset.UTC).label());
        }
    }

    /** {@code --kind}: one of the canonical kinds. */
    static final class KindName implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return checked(() -> Kind.of(value));
        }
    }

    /** {@code --format}: csv or jsonl. */
    static final class Format implements ITypeConverter<SourceFormat> {
        @Override
        public SourceFormat convert(String value) {
            return checked(() -> SourceFormat.of(value));
        }
    }

    /** {@code --fail-on-findings}: high or medium. */
    static final class Severity implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String severity = value.trim().toLowerCase(Locale.ROOT);
            if (!severity.equals("high") && !severity.equals("medium")) {
                throw new TypeConversionException("\"" + value + "\" is not one of [high, medium]");
            }
            return severity;
        }
    }
}
