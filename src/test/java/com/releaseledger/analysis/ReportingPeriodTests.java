package com.releaseledger.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.releaseledger.kernel.BadInputException;

/** DESIGN.md section 3; every expected instant and length worked out by hand from the zone's rules. */
class ReportingPeriodTests {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(textBlock = """
            # October 2026 in London: BST until the clocks go back on the 25th, so 31 days and an hour
            2026-10,    Europe/London,    2026-09-30T23:00:00Z, 2026-11-01T00:00:00Z, 44700
            # March 2026 in London: the clocks go forward on the 29th, an hour shorter
            2026-03,    Europe/London,    2026-03-01T00:00:00Z, 2026-03-31T23:00:00Z, 44580
            2026-10,    UTC,              2026-10-01T00:00:00Z, 2026-11-01T00:00:00Z, 44640
            2026-02,    UTC,              2026-02-01T00:00:00Z, 2026-03-01T00:00:00Z, 40320
            # ISO week 41 of 2026: Monday 5 October to Monday 12 October
            2026-W41,   Europe/London,    2026-10-04T23:00:00Z, 2026-10-11T23:00:00Z, 10080
            # the week of the change back: 25 hours on the Sunday
            2026-W43,   Europe/London,    2026-10-18T23:00:00Z, 2026-10-26T00:00:00Z, 10140
            # 2026 has 53 ISO weeks (1 January 2026 is a Thursday); week 53 ends on Sunday 3 January 2027
            2026-W53,   UTC,              2026-12-28T00:00:00Z, 2027-01-04T00:00:00Z, 10080
            # week 1 of 2026 starts in 2025
            2026-W01,   UTC,              2025-12-29T00:00:00Z, 2026-01-05T00:00:00Z, 10080
            2026-Q4,    Europe/London,    2026-09-30T23:00:00Z, 2027-01-01T00:00:00Z, 132540
            2026-Q1,    UTC,              2026-01-01T00:00:00Z, 2026-04-01T00:00:00Z, 129600
            # Paraguay skipped midnight on 1 October 2023 (-04 to -03): the period starts at 01:00 local
            2023-10,    America/Asuncion, 2023-10-01T04:00:00Z, 2023-11-01T03:00:00Z, 44580
            # Iran skipped midnight on Monday 22 March 2021 (+03:30 to +04:30): week 12 starts at 01:00 local
            2021-W12,   Asia/Tehran,      2021-03-21T20:30:00Z, 2021-03-28T19:30:00Z, 10020
            """)
    void isTheHalfOpenIntervalBetweenLocalMidnights(String label, String zone, String start, String end,
            long minutes) {
        ReportingPeriod period = ReportingPeriod.parse(label, ZoneId.of(zone));

        assertThat(period.start()).isEqualTo(Instant.parse(start));
        assertThat(period.end()).isEqualTo(Instant.parse(end));
        assertThat(period.minutes()).isEqualTo(minutes);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            2026-10,  2026-09
            2026-01,  2025-12
            2026-W01, 2025-W52
            2027-W01, 2026-W53
            2026-Q1,  2025-Q4
            """)
    void knowsThePeriodBefore(String label, String previous) {
        assertThat(ReportingPeriod.parse(label, ZoneId.of("UTC")).previous().label()).isEqualTo(previous);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-00", "2025-W53", "2026-W00", "2026-Q5", "October", "2026/10", ""})
    void refusesWhatIsNotAPeriod(String label) {
        assertThatThrownBy(() -> ReportingPeriod.parse(label, ZoneId.of("UTC")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not a month (2026-10), an ISO week (2026-W41) or a quarter (2026-Q4)");
    }

    @ParameterizedTest(name = "{0} containing {1} in {2}: {3}")
    @CsvSource(textBlock = """
            # 2027-01-01 is a Friday of ISO week 53 of 2026, which began on Monday 2026-12-28
            WEEK,    2027-01-01T12:00:00Z, UTC,           2026-W53, 2026-12-28T00:00:00Z, 2027-01-04T00:00:00Z
            # the fourth quarter in London: from midnight BST on 1 October to midnight GMT on 1 January
            QUARTER, 2026-11-15T00:00:00Z, Europe/London, 2026-Q4,  2026-09-30T23:00:00Z, 2027-01-01T00:00:00Z
            # 23:30 UTC on 30 September is 00:30 on 1 October in London (BST)
            MONTH,   2026-09-30T23:30:00Z, Europe/London, 2026-10,  2026-09-30T23:00:00Z, 2026-11-01T00:00:00Z
            # 23:30 UTC on 31 October is still 31 October in London (GMT since the 25th)
            MONTH,   2026-10-31T23:30:00Z, Europe/London, 2026-10,  2026-09-30T23:00:00Z, 2026-11-01T00:00:00Z
            """)
    void findsThePeriodOfAKindThatContainsAnInstant(ReportingPeriod.Kind kind, String at, String zone, String label,
            String start, String end) {
        ReportingPeriod period = ReportingPeriod.containing(kind, Instant.parse(at), ZoneId.of(zone));

        assertThat(period.label()).isEqualTo(label);
        assertThat(period.start()).isEqualTo(Instant.parse(start));
        assertThat(period.end()).isEqualTo(Instant.parse(end));
        assertThat(ReportingPeriod.parse(label, ZoneId.of(zone))).isEqualTo(period);
        assertThat(period.kind()).isEqualTo(kind);
    }
}
