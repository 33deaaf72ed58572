package com.releaseledger.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.releaseledger.ingest.Kind;

/** Error budgets (DESIGN.md section 5), RL13 at the second of exhaustion, and the cadence band of section 4. */
class BudgetsAndBandsIntegrationTests extends FixtureIntegrationTest {

    private static final Offset<BigDecimal> MICRO = Offset.offset(new BigDecimal("0.000001"));

    private AnalysisFixture budgets() {
        // October 2026 in London is 44,700 minutes. Allowances: 99.5 -> 223.5, 99.9 -> 44.7, 99 -> 447 minutes.
        return fixture("""
                        service,team,slo_target
                        svc-b,team-1,99.5
                        svc-b2,team-1,99.5
                        svc-x,team-1,99.9
                        svc-y,team-1,99
                        svc-z,team-1,100
                        svc-w,team-1,
                        """)
                .load(Kind.CHANGES, """
                        change_id,type,risk,service,status,requested_by,created_at
                        chg-n,normal,low,svc-x,closed,ann,2026-10-01T00:00:00Z
                        chg-e,emergency,high,svc-x,closed,ann,2026-10-01T00:00:00Z
                        """)
                .load(Kind.INCIDENTS, """
                        incident_id,service,severity,started_at,resolved_at,customer_impact
                        b1,svc-b,2,2026-10-05T10:00:00Z,2026-10-05T11:00:00Z,
                        b2,svc-b,2,2026-10-05T10:30:00Z,2026-10-05T12:00:00Z,true
                        b3,svc-b,3,2026-10-06T09:00:00Z,2026-10-06T09:30:00Z,
                        b4,svc-b,3,2026-10-07T09:00:00Z,2026-10-07T15:00:00Z,false
                        b5,svc-b,3,2026-09-30T22:00:00Z,2026-09-30T23:10:00Z,
                        b6,svc-b2,2,2026-10-03T00:00:00Z,2026-10-03T03:20:00Z,
                        x1,svc-x,2,2026-10-10T10:00:00Z,2026-10-10T10:30:00Z,
                        x2,svc-x,2,2026-10-11T10:00:00Z,2026-10-11T11:00:00Z,
                        y1,svc-y,1,2026-10-31T20:00:00Z,,
                        z1,svc-z,1,2026-10-10T10:00:00Z,2026-10-10T12:00:00Z,
                        """)
                .load(Kind.DEPLOYMENTS, """
                        deployment_id,service,environment,status,started_at,finished_at,change_id,is_hotfix
                        r1,svc-x,production,succeeded,2026-10-11T10:14:41Z,2026-10-11T10:20:00Z,chg-n,
                        r2,svc-x,production,succeeded,2026-10-11T10:14:42Z,2026-10-11T10:20:00Z,chg-n,
                        r3,svc-x,production,succeeded,2026-10-12T10:00:00Z,2026-10-12T10:20:00Z,chg-n,true
                        r4,svc-x,production,succeeded,2026-10-12T11:00:00Z,2026-10-12T11:20:00Z,chg-e,
                        r5,svc-x,production,failed,2026-10-13T11:00:00Z,2026-10-13T11:20:00Z,,
                        r6,svc-b,production,succeeded,2026-10-13T11:00:00Z,2026-10-13T11:20:00Z,,
                        """);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", textBlock = """
            # svc-b: b1 and b2 overlap, [10:00, 12:00) = 120; b3 30; b5 clipped to the period start, [23:00, 23:10)
            # = 10; b4 had no customer impact. 160 of 223.5: 28.411633 % left, healthy
            svc-b,  223.5, 160, 28.411633,   0.715884, healthy
            # svc-b2: 200 of 223.5, 10.514541 % left: at risk
            svc-b2, 223.5, 200, 10.514541,   0.894855, at_risk
            # svc-x: 30 + 60 = 90 of 44.7
            svc-x,  44.7,  90,  -101.342282, 2.013423, exhausted
            # svc-y: still open, counted to the period end: [20:00, 24:00) on 31 October = 240 of 447
            svc-y,  447,   240, 46.308725,   0.536913, healthy
            """)
    void computesTheBudgetOfEachServiceWithAnSlo(String service, String allowed, String consumed, String remaining,
            String burn, String status) {
        AnalysisFixture fixture = budgets();
        long run = fixture.analyze("2026-10", "Europe/London", null);

        assertThat(fixture.metric(run, "service", service, "error_budget_allowed_minutes").value())
                .isCloseTo(new BigDecimal(allowed), MICRO);
        assertThat(fixture.metric(run, "service", service, "error_budget_consumed_minutes").value())
                .isCloseTo(new BigDecimal(consumed), MICRO);
        AnalysisFixture.MetricRow left = fixture.metric(run, "service", service, "error_budget_remaining_pct");
        assertThat(left.value()).isCloseTo(new BigDecimal(remaining), MICRO);
        assertThat(left.band()).isEqualTo(status);
        AnalysisFixture.MetricRow rate = fixture.metric(run, "service", service, "error_budget_burn_rate");
        assertThat(rate.value()).isCloseTo(new BigDecimal(burn), MICRO);
        assertThat(rate.numerator()).isCloseTo(new BigDecimal(consumed), MICRO);
        assertThat(rate.denominator()).isCloseTo(new BigDecimal(allowed), MICRO);
    }

    @Test
    void givesNoBudgetToAServiceWithoutAValidSlo() {
        AnalysisFixture fixture = budgets();
        long run = fixture.analyze("2026-10", "Europe/London", null);

        // svc-z's 100 is not strictly below 100 (ignored at ingest); svc-w has none
        assertThat(jdbc.queryForList("SELECT DISTINCT scope_id FROM metric_value WHERE run_id = ?"
                + " AND metric LIKE 'error_budget%' ORDER BY 1", String.class, run))
                .containsExactly("svc-b", "svc-b2", "svc-x", "svc-y");
    }

    @Test
    void flagsReleasesFromTheSecondTheBudgetWasExhausted() {
        AnalysisFixture fixture = budgets();
        long run = fixture.analyze("2026-10", "Europe/London", null);

        // svc-x: 30 minutes spent on the 10th; 14.7 more reach 44.7 at 10:14:42 on the 11th. r1 a second earlier is
        // fine; r2 at that second is not; r3 is a hotfix, r4 an emergency; r5 (no change: not an emergency) is.
        assertThat(fixture.findings(run, "RL13", false)).containsExactly(
                "r2|chg-n||2026-10-11T10:14:42Z", "r5|||2026-10-13T11:00:00Z");
    }

    private AnalysisFixture cadence() {
        StringBuilder deployments = new StringBuilder("deployment_id,service,environment,status,started_at,finished_at\n");
        int n = 0;
        for (LocalDate day = LocalDate.of(2026, 2, 1); day.isBefore(LocalDate.of(2026, 9, 1)); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
                deployments.append(row(++n, "svc-mon", day));
            }
            if (day.getMonthValue() == 2 && day.getDayOfWeek().getValue() <= 5) {
                deployments.append(row(++n, "svc-daily", day));
            }
        }
        deployments.append(row(++n, "svc-twice", LocalDate.of(2026, 2, 3)));
        deployments.append(row(++n, "svc-twice", LocalDate.of(2026, 2, 17)));
        deployments.append(row(++n, "svc-q", LocalDate.of(2026, 10, 5)));
        deployments.append(row(++n, "svc-q", LocalDate.of(2026, 11, 9)));
        return new AnalysisFixture(dir, ingest, analysis, jdbc)
                .load(Kind.SERVICES, "service,team\nsvc-mon,team-c\nsvc-daily,team-c\nsvc-twice,team-c\nsvc-q,team-c\n")
                .load(Kind.DEPLOYMENTS, deployments.toString());
    }

    private static String row(int n, String service, LocalDate day) {
        return "c" + n + "," + service + ",production,succeeded," + day + "T10:00:00Z," + day + "T10:10:00Z\n";
    }

    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(textBlock = """
            # February 2026 starts on a Sunday: week pieces Feb 1, 2-8, 9-15, 16-22, 23-28. Mondays 2, 9, 16, 23
            # give 0, 1, 1, 1, 1: median 1, high. 4 deployments over 28 days
            2026-02, svc-mon,   0.142857, high
            # every weekday of February: 0, 5, 5, 5, 5: median 5, elite
            2026-02, svc-daily, 0.714286, elite
            # the 3rd and the 17th: weeks 0, 1, 0, 1, 0 (median 0); the month 2 (median 2): medium
            2026-02, svc-twice, 0.071429, medium
            # August 2026 starts on a Saturday: pieces Aug 1-2, 3-9, ..., 24-30, 31; Mondays 3, 10, 17, 24, 31 give
            # 0, 1, 1, 1, 1, 1: median 1, high; 5 over 31 days
            2026-08, svc-mon,   0.161290, high
            # the fourth quarter: 14 week pieces, two with a deploy day (median 0); months 1, 1, 0 (median 1): medium.
            # 2 over 92 days
            2026-Q4, svc-q,     0.021739, medium
            """)
    void judgesTheDeploymentFrequencyBandOnCadence(String period, String service, String value, String band) {
        AnalysisFixture fixture = cadence();
        long run = fixture.analyze(period, "UTC", null);

        AnalysisFixture.MetricRow row = fixture.metric(run, "service", service, "deployment_frequency_per_day");
        assertThat(row.value()).isCloseTo(new BigDecimal(value), MICRO);
        assertThat(row.band()).isEqualTo(band);
    }
}
