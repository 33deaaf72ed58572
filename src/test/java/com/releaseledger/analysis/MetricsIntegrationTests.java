package com.releaseledger.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.releaseledger.ingest.Kind;

/**
 * Every metric of DESIGN.md section 4 on one hand-made month: October 2026 in Europe/London (44,700 minutes,
 * 31.041667 days). The fixture has a deployment finishing exactly at the period start (in) and one exactly at
 * the end (out), one in staging, a cancelled and an in-progress one, a production environment written " PROD ",
 * a rollback, a deployment with three incidents, an incident linked only through its change, one linked to
 * nothing, an open one, one resolved before it started, one that started before the period, a service missing
 * from services.csv and one with no events at all. Every expected value below is worked out by hand in the
 * comments; the test never reads the program's output to decide what is right.
 */
class MetricsIntegrationTests extends FixtureIntegrationTest {

    private AnalysisFixture fixture;
    private long run;

    @BeforeEach
    void loadTheMonth() {
        fixture = fixture("""
                        service,team
                        svc-a,team-1
                        svc-b,team-1
                        svc-c,team-2
                        svc-idle,team-3
                        """)
                .load(Kind.CHANGES, """
                        change_id,type,risk,service,status,requested_by,created_at
                        chg-1,standard,low,svc-a,closed,ann,2026-09-01T00:00:00Z
                        chg-3,normal,low,svc-a,closed,ann,2026-09-01T00:00:00Z
                        chg-4,normal,low,svc-a,closed,ann,2026-09-01T00:00:00Z
                        chg-5,normal,low,svc-b,closed,ann,2026-09-01T00:00:00Z
                        chg-e,emergency,high,svc-c,closed,ann,2026-09-01T00:00:00Z
                        chg-n,normal,low,svc-c,closed,ann,2026-09-01T00:00:00Z
                        """)
                .load(Kind.DEPLOYMENTS, """
                        deployment_id,service,environment,status,started_at,finished_at,change_id,first_commit_at,rollback_of,is_hotfix
                        d1,svc-a,production,succeeded,2026-09-30T22:30:00Z,2026-09-30T23:00:00Z,chg-1,2026-09-30T11:00:00Z,,
                        d2,svc-a,production,succeeded,2026-10-31T23:30:00Z,2026-11-01T00:00:00Z,chg-1,,,
                        d3,svc-a,production,succeeded,2026-10-31T23:00:00Z,2026-10-31T23:59:59Z,chg-missing,2026-10-30T23:59:59Z,,
                        d4,svc-a,production,failed,2026-10-10T09:30:00Z,2026-10-10T10:00:00Z,chg-3,,,
                        d5,svc-a,production,rolled_back,2026-10-12T10:00:00Z,2026-10-12T10:30:00Z,chg-4,,,
                        d6,svc-a,production,succeeded,2026-10-12T10:40:00Z,2026-10-12T11:00:00Z,chg-4,,d5,
                        d7,svc-b,production,succeeded,2026-10-15T09:00:00Z,2026-10-15T09:30:00Z,chg-5,,,
                        d8,svc-b,staging,succeeded,2026-10-15T08:00:00Z,2026-10-15T08:10:00Z,chg-5,,,
                        d9,svc-b,production,cancelled,2026-10-16T08:00:00Z,2026-10-16T08:10:00Z,chg-5,,,
                        d10,svc-c, PROD ,succeeded,2026-10-20T11:30:00Z,2026-10-20T12:00:00Z,chg-e,,,
                        d11,svc-c,production,succeeded,2026-10-21T11:50:00Z,2026-10-21T12:00:00Z,chg-n,,,true
                        d12,svc-c,production,in_progress,2026-10-25T10:00:00Z,,chg-n,,,
                        d13,svc-ghost,production,succeeded,2026-10-22T10:00:00Z,2026-10-22T10:10:00Z,,,,
                        """)
                .load(Kind.INCIDENTS, """
                        incident_id,service,severity,started_at,detected_at,acknowledged_at,resolved_at,caused_by_deployment_id,caused_by_change_id,customer_impact
                        i1,svc-b,3,2026-10-15T09:40:00Z,,2026-10-15T09:50:00Z,2026-10-15T10:00:00Z,d7,,false
                        i2,svc-b,3,2026-10-15T09:45:00Z,2026-10-15T09:50:00Z,2026-10-15T10:00:00Z,2026-10-15T12:00:00Z,d7,,false
                        i3,svc-b,3,2026-10-15T10:00:00Z,,2026-10-15T10:30:00Z,2026-10-15T11:00:00Z,d7,,false
                        i4,svc-c,3,2026-10-21T13:00:00Z,,,2026-10-21T14:00:00Z,,chg-n,false
                        i5,svc-a,3,2026-09-30T22:00:00Z,,2026-09-30T22:30:00Z,2026-10-01T01:00:00Z,,,false
                        i6,svc-a,3,2026-10-25T10:00:00Z,,,,,,false
                        i7,svc-a,3,2026-10-28T10:00:00Z,,,2026-10-28T09:00:00Z,,,false
                        i8,svc-c,4,2026-10-26T10:00:00Z,,,2026-10-26T10:30:00Z,d-nowhere,,false
                        """);
        run = fixture.analyze("2026-10", "Europe/London", null);
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource(nullValues = "null", textBlock = """
            # PD = d1 (finished exactly at the start), d3, d4, d5, d6, d7, d10 (" PROD "), d11, d13; not d2 (finished
            # exactly at the end), d8 (staging), d9 (cancelled), d12 (in progress)
            org,     all,       deployments,                   9,        null, null,      null
            team,    team-1,    deployments,                   6,        null, null,      null
            team,    team-2,    deployments,                   2,        null, null,      null
            team,    unassigned, deployments,                  1,        null, null,      null
            service, svc-b,     deployments,                   1,        null, null,      null
            service, svc-ghost, deployments,                   1,        null, null,      null
            # successful: d1, d3, d6, d7, d10, d11, d13
            org,     all,       successful_deployments,        7,        null, null,      null
            service, svc-a,     successful_deployments,        3,        null, null,      null
            # 7 / (44,700 / 1,440) = 10,080 / 44,700; deploy days Oct 1, 12, 15, 20, 21, 22, 31; per week (Oct 1-4,
            # 5-11, 12-18, 19-25, 26-31) 1, 0, 2, 3, 1: median 1, high
            org,     all,       deployment_frequency_per_day,  0.225503, 7,    31.041667, high
            org,     all,       deploy_days,                   7,        null, null,      null
            # svc-a deploys on Oct 1, 12 and 31: weeks 1, 0, 1, 0, 1, median 1
            service, svc-a,     deployment_frequency_per_day,  0.096644, 3,    31.041667, high
            # svc-c on Oct 20 and 21, one week: weeks 0, 0, 0, 2, 0, median 0; the month 2: medium
            service, svc-c,     deployment_frequency_per_day,  0.064430, 2,    31.041667, medium
            # failed d4 + rolled back d5, over 9
            org,     all,       deployment_failure_rate,       0.222222, 2,    9,         null
            # live PD: d1, d3, d5, d6, d7, d10, d11, d13 (8); failed changes d5 (rolled back), d7 (three incidents,
            # once), d11 (i4 through chg-n)
            org,     all,       change_failure_rate,           0.375,    3,    8,         low
            service, svc-a,     change_failure_rate,           0.25,     1,    4,         low
            service, svc-b,     change_failure_rate,           1,        1,    1,         low
            # lead times: d1 12 h, d3 24 h; median 18 (elite, < 24), p90 12 + 0.9 x 12
            org,     all,       lead_time_median_hours,        18,       null, 2,         elite
            org,     all,       lead_time_p90_hours,           22.8,     null, 2,         null
            # incidents started in the period: i1, i2, i3, i4, i6, i7, i8 (i5 started before it)
            org,     all,       incidents,                     7,        null, null,      null
            team,    team-1,    incidents,                     5,        null, null,      null
            # resolved in the period, not negative: i1 1/3 h, i2 2.25, i3 1, i4 1, i5 3, i8 0.5 (i6 open, i7 negative)
            org,     all,       mttr_mean_hours,               1.347222, null, 6,         null
            org,     all,       mttr_median_hours,             1,        null, 6,         null
            # p90 at position 0.9 x 5 = 4.5: 2.25 + 0.5 x (3 - 2.25)
            org,     all,       mttr_p90_hours,                2.625,    null, 6,         null
            # acknowledged: i1 10 min from its start, i2 10 min from its detection, i3 30 min, i5 30 min: an even
            # number of values with ties, median (1/6 + 1/2) / 2
            org,     all,       mtta_median_hours,             0.333333, null, 4,         null
            # recovery: d5 by its rollback d6 (11:00 - 10:00 = 1 h), d7 by the last of its incidents (12:00 - 09:00
            # = 3 h), d11 by i4 (14:00 - 11:50); median 2 h 10 min: high
            org,     all,       failed_deployment_recovery_median_hours, 2.166667, null, 3, high
            # exactly 1 h is not below 1: high, not elite
            service, svc-a,     failed_deployment_recovery_median_hours, 1,        null, 1, high
            # hotfixes among the successful: d10 (emergency change), d11 (is_hotfix)
            org,     all,       rework_rate,                   0.285714, 2,    7,         null
            # existing changes named by PD: chg-1, chg-3, chg-4, chg-5, chg-e, chg-n (not chg-missing); one emergency
            org,     all,       emergency_change_ratio,        0.166667, 1,    6,         null
            """)
    void computesEachMetricAsDefined(String scope, String scopeId, String metric, String value, String numerator,
            String denominator, String band) {
        AnalysisFixture.MetricRow row = fixture.metric(run, scope, scopeId, metric);

        assertThat(row.value()).as("value").isCloseTo(new BigDecimal(value), within());
        assertNumber("numerator", row.numerator(), numerator);
        assertNumber("denominator", row.denominator(), denominator);
        assertThat(row.band()).as("band").isEqualTo(band);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", textBlock = """
            deployments,                             0,    null, null,      null
            successful_deployments,                  0,    null, null,      null
            deploy_days,                             0,    null, null,      null
            deployment_frequency_per_day,            0,    0,    31.041667, low
            deployment_failure_rate,                 null, 0,    0,         null
            change_failure_rate,                     null, 0,    0,         null
            lead_time_median_hours,                  null, null, 0,         null
            lead_time_p90_hours,                     null, null, 0,         null
            incidents,                               0,    null, null,      null
            mttr_mean_hours,                         null, null, 0,         null
            mttr_median_hours,                       null, null, 0,         null
            mttr_p90_hours,                          null, null, 0,         null
            mtta_median_hours,                       null, null, 0,         null
            failed_deployment_recovery_median_hours, null, null, 0,         null
            rework_rate,                             null, 0,    0,         null
            emergency_change_ratio,                  null, 0,    0,         null
            """)
    void givesCountsOfZeroAndNullRatiosAndStatisticsOverAnEmptyPopulation(String metric, String value,
            String numerator, String denominator, String band) {
        for (String[] scope : new String[][] {{"service", "svc-idle"}, {"team", "team-3"}}) {
            AnalysisFixture.MetricRow row = fixture.metric(run, scope[0], scope[1], metric);

            assertNumber("value", row.value(), value);
            assertNumber("numerator", row.numerator(), numerator);
            assertNumber("denominator", row.denominator(), denominator);
            assertThat(row.band()).as("band").isEqualTo(band);
        }
    }

    @Test
    void givesEveryScopeARowForEveryMetricAndBudgetsOnlyToServicesWithAnSlo() {
        // org, 4 teams (team-1..3 and unassigned, for svc-ghost), 5 services (4 known and svc-ghost); 16 metrics
        // each; no service has an slo_target, so no error-budget rows
        assertThat(jdbc.queryForObject("SELECT count(*) FROM metric_value WHERE run_id = ?", Long.class, run))
                .isEqualTo((1 + 4 + 5) * 16L);
    }

    @Test
    void listsTheDataQualityItemsThatQualifyTheNumbers() {
        assertThat(fixture.dataQuality(run)).extracting(row -> row.get("category") + " " + row.get("record_id"))
                .containsExactly("negative_duration i7", "unknown_service svc-ghost", "unlinked_cause i8");
    }

    private static void assertNumber(String what, BigDecimal actual, String expected) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isCloseTo(new BigDecimal(expected), within());
        }
    }

    private static org.assertj.core.data.Offset<BigDecimal> within() {
        return org.assertj.core.data.Offset.offset(new BigDecimal("0.000001"));
    }
}
