package com.releaseledger.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which periods are due, at fixed instants: 06:00 London on the 2nd is 05:00 UTC in BST, 06:00 UTC in GMT. */
class CatchUpTests {

    @TempDir
    Path dir;

    @Test
    void everyMissedPeriodFromCatchUpFromOldestFirstExceptTheCompletedOnes() throws IOException {
        JobFile job = job("monthly", "0 6 2 * *", "previous-month", "2026-07");

        // firings on Jul 2 (reports June: before catch_up_from), Aug 2 (July), Sep 2 (August, completed), Oct 2
        List<String> due = CatchUp.duePeriods(job, Instant.parse("2026-10-15T00:00:00Z"), Set.of("2026-08")::contains);

        assertThat(due).containsExactly("2026-07", "2026-09");
    }

    @Test
    void aFiringIsDueAtItsInstantAndNotASecondBefore() throws IOException {
        JobFile job = job("monthly", "0 6 2 * *", "previous-month", "2026-09");

        assertThat(CatchUp.duePeriods(job, Instant.parse("2026-10-02T05:00:00Z"), period -> false))
                .containsExactly("2026-09");
        assertThat(CatchUp.duePeriods(job, Instant.parse("2026-10-02T04:59:59Z"), period -> false)).isEmpty();
    }

    @Test
    void aJobWithoutScheduleIsNeverDue() throws IOException {
        Files.writeString(dir.resolve("once.yml"), """
                job: once
                sources:
                  - kind: services
                    path: services.csv
                """);

        assertThat(CatchUp.duePeriods(JobFile.load(dir.resolve("once.yml")), Instant.parse("2026-10-15T00:00:00Z"),
                period -> false)).isEmpty();
        assertThat(CatchUp.nextFiring(List.of(JobFile.load(dir.resolve("once.yml"))), Instant.EPOCH)).isNull();
    }

    @Test
    void theNextFiringIsTheEarliestOfAllJobs() throws IOException {
        JobFile monthly = job("monthly", "0 6 2 * *", "previous-month", "2026-01");
        JobFile weekly = job("weekly", "0 7 * * 1", "previous-week", "2026-01");

        // after Thursday 2026-10-01: the monthly firing (Fri Oct 2, 05:00 UTC) comes before Monday's (Oct 5, 06:00)
        assertThat(CatchUp.nextFiring(List.of(weekly, monthly), Instant.parse("2026-10-01T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-02T05:00:00Z"));
        assertThat(CatchUp.nextFiring(List.of(weekly, monthly), Instant.parse("2026-10-02T05:00:00Z")))
                .isEqualTo(Instant.parse("2026-10-05T06:00:00Z"));
    }

    private JobFile job(String name, String cron, String period, String catchUpFrom) throws IOException {
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, """
                job: %s
                schedule:
                  cron: "%s"
                  zone: Europe/London
                  period: %s
                  catch_up_from: %s
                reporting_zone: Europe/London
                sources:
                  - kind: services
                    path: services.csv
                """.formatted(name, cron, period, catchUpFrom));
        return JobFile.load(file);
    }
}
