package com.releaseledger.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.releaseledger.reporting.Document;

/** Schedules read against fixed instants (a controllable clock, never real time). */
class ScheduleTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "{0} {1} after {2}")
    @CsvSource(textBlock = """
            # 06:00 London on the 2nd: BST in October (05:00 UTC), GMT in November (06:00 UTC)
            0 6 2 * *, previous-month,   2026-10-01T00:00:00Z, 2026-10-02T05:00:00Z, 2026-09
            0 6 2 * *, previous-month,   2026-10-02T05:00:00Z, 2026-11-02T06:00:00Z, 2026-10
            # Mondays 07:00: the week before the firing
            0 7 * * 1, previous-week,    2026-10-06T00:00:00Z, 2026-10-12T06:00:00Z, 2026-W41
            # the first week of 2027 reports the last ISO week of 2026 (week 53)
            0 7 * * 1, previous-week,    2027-01-01T00:00:00Z, 2027-01-04T07:00:00Z, 2026-W53
            # every third month from January (1, 4, 7, 10): the quarter before
            0 6 1 */3 *, previous-quarter, 2026-09-15T00:00:00Z, 2026-10-01T05:00:00Z, 2026-Q3
            """)
    void firesOnItsCronInItsZoneAndReportsThePeriodBefore(String cron, String period, String after, String next,
            String reported) {
        Schedule schedule = new Schedule(Schedule.normalise(cron), LONDON, Schedule.PeriodKind.of(period), null);

        Instant firing = schedule.nextFiring(Instant.parse(after));

        assertThat(firing).isEqualTo(Instant.parse(next));
        assertThat(schedule.periodFor(firing, LONDON)).isEqualTo(reported);
    }

    @Test
    void theShippedJobFilesLoadWithTheirSchedules() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("jobs"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yml")).toList()) {
                JobFile job = JobFile.load(file);
                if (!job.name().equals("example") && !job.name().equals("example-tools")) { // the two run by hand
                    assertThat(job.schedule()).as(file.toString()).isNotNull();
                    assertThat(job.reports()).as(file.toString()).containsExactly(Document.of(job.name()));
                }
            }
        }
    }
}
