package com.releaseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Golden bytes of the COPY text: the row hash is taken over exactly these bytes, so a change here would make every
 * unchanged record look changed on its next re-send. The expected hashes were computed outside Java, with
 * {@code printf '<the values text>' | sha256sum}.
 */
class CopyLineEncoderTests {

    @Test
    void writesFileLineRowHashAndTheValuesInCopyTextFormat() {
        Object[] values = {"d1", null, Instant.parse("2026-10-03T12:05:11Z"), true, new BigDecimal("99.90"),
                "a\tb\\c\nd", Instant.parse("2026-10-03T12:05:11.000250Z")};

        String line = new CopyLineEncoder(42).encode(new LedgerRow.Accepted(1, 7, values, List.of()));

        assertThat(line).isEqualTo("42\t7\t\\\\x548d566a2c8ffb52b220e22463fa4fa372555e16ddc5b0f0213d3834dee28887\t"
                + "d1\t\\N\t2026-10-03 12:05:11+00\tt\t99.90\ta\\tb\\\\c\\nd\t2026-10-03 12:05:11.000250+00\n");
    }

    @Test
    void theSameValuesHaveTheSameHashInAnyFileAndOnAnyLine() {
        Object[] values = {"x", "+10000-01-01T00:00:00Z"};

        String first = new CopyLineEncoder(1).encode(new LedgerRow.Accepted(1, 2, values, List.of()));
        String second = new CopyLineEncoder(9).encode(new LedgerRow.Accepted(5, 300, values, List.of()));

        String hash = "25f9666ae51d340215d11cb18f790c0dfdb1339aabdb153e0561df7921891bd9";
        assertThat(first).isEqualTo("1\t2\t\\\\x" + hash + "\tx\t+10000-01-01T00:00:00Z\n");
        assertThat(second).isEqualTo("9\t300\t\\\\x" + hash + "\tx\t+10000-01-01T00:00:00Z\n");
    }

    @Test
    void aTimestampOutsideFourDigitYearsIsWrittenInTheGeneralForm() {
        Object[] values = {Instant.parse("+10000-01-01T00:00:00Z")};

        String line = new CopyLineEncoder(1).encode(new LedgerRow.Accepted(1, 2, values, List.of()));

        assertThat(line).endsWith("\t+10000-01-01T00:00:00Z\n");
    }
}
