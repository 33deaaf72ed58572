package com.releaseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A profile's timestamps become ISO-8601 text: with their offset when they have one, else local (validation then
 * reads them in the source's zone); the profile's patterns first, in order, then ISO-8601 with offsets written
 * {@code Z}, {@code +01:00} or {@code +0100}; epochs where the profile says so. Expected values worked out by hand
 * (1790845202 s after the epoch is 2026-10-01T09:00:02Z).
 */
class ProfileTimestampsTests {

    private final ProfileTimestamps jira = new ProfileTimestamps(List.of("dd/MMM/yy h:mm a", "yyyy-MM-dd HH:mm"));
    private final ProfileTimestamps epochs = new ProfileTimestamps(List.of("epoch_millis"));
    private final ProfileTimestamps seconds = new ProfileTimestamps(List.of("epoch_seconds"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            # English month names, any case, two-digit years in 20yy; a local time stays local
            25/Oct/26 1:55 AM,          2026-10-25T01:55
            03/oct/26 2:05 pm,          2026-10-03T14:05
            2026-10-09 19:00,           2026-10-09T19:00
            # ISO-8601 after the patterns: offsets with or without a colon, Z, fractions kept
            2026-10-01T10:00:02+0100,   2026-10-01T10:00:02+01:00
            2026-10-01T10:00:02+01:00,  2026-10-01T10:00:02+01:00
            2026-10-03T12:19:32.411Z,   2026-10-03T12:19:32.411Z
            2026-10-03T12:19:32,        2026-10-03T12:19:32
            """)
    void readsThePatternsInOrderThenIso(String text, String iso) {
        assertThat(jira.iso(text)).isEqualTo(iso);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"yesterday", "32/Oct/26 1:00 AM", "2026-13-01 10:00"})
    void whatNoPatternReadsIsNull(String text) {
        assertThat(jira.iso(text)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1790845202000, 2026-10-01T09:00:02Z"})
    void readsEpochMilliseconds(String text, String iso) {
        assertThat(epochs.iso(text)).isEqualTo(iso);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1790845202, 2026-10-01T09:00:02Z"})
    void readsEpochSeconds(String text, String iso) {
        assertThat(seconds.iso(text)).isEqualTo(iso);
    }

    @ParameterizedTest(name = "{0} + {1} s")
    @CsvSource(textBlock = """
            # PagerDuty analytics: created_at plus seconds_to_first_ack, fractions kept, the offset kept
            2026-10-25T02:30:00+01:00, 95,     2026-10-25T02:31:35+01:00
            2026-10-03T13:02:10Z,      270.5,  2026-10-03T13:06:40.500Z
            """)
    void addsSecondsKeepingTheOffset(String at, String plus, String iso) {
        assertThat(jira.plusSeconds(at, new BigDecimal(plus))).isEqualTo(iso);
    }
}
