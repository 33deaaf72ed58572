package com.releaseledger.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.releaseledger.ingest.Kind;
import com.releaseledger.ingest.SourceFormat;

class JobFileTests {

    @TempDir
    Path dir;

    @Test
    void readsAJobWithItsSourcesAndDefaults() throws IOException {
        Path file = write("""
                job: monthly-audit
                description: The monthly audit pack
                sources:
                  - kind: services
                    path: data/services.csv
                  - kind: incidents
                    path: data/incidents.jsonl
                    zone: Europe/London
                  - kind: deployments
                    path: data/deploy-*.txt
                    format: csv
                ingest:
                  max_rejected_share: 0.05
                """);

        JobFile job = JobFile.load(file);

        assertThat(job.name()).isEqualTo("monthly-audit");
        assertThat(job.maxRejectedShare()).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThat(job.sources()).extracting(SourceSpec::kind)
                .containsExactly(Kind.SERVICES, Kind.INCIDENTS, Kind.DEPLOYMENTS);
        assertThat(job.sources().get(0).zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(job.sources().get(1).zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(job.sources().get(0).format()).isNull(); // from each file's extension
        assertThat(job.sources().get(2).format()).isEqualTo(SourceFormat.CSV);
    }

    @Test
    void readsTheReportingZoneAndPolicyKeepingDefaultsForWhatIsNotSaid() throws IOException {
        JobFile job = JobFile.load(write("""
                job: j
                reporting_zone: Europe/London
                sources:
                  - kind: services
                    path: s.csv
                policy:
                  production_environments: [Live, " PROD "]
                  emergency_review_days: 3
                  bands:
                    change_failure_rate: [0.1, 0.2, 0.3]
                  sample:
                    size: 40
                  stale_incident_days: 14
                  control_owners:
                    RL04: Identity and access
                    rl13: SRE
                """));

        assertThat(job.reportingZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(job.policy().productionEnvironments()).containsExactly("live", "prod");
        assertThat(job.policy().emergencyReviewDays()).isEqualTo(3);
        assertThat(job.policy().pirDays()).isEqualTo(5);
        assertThat(job.policy().cabRequiredRisks()).containsExactly("high", "critical");
        assertThat(job.policy().bands().changeFailureRate()).extracting(BigDecimal::toPlainString)
                .containsExactly("0.1", "0.2", "0.3");
        assertThat(job.policy().bands().leadTimeHours()).extracting(BigDecimal::toPlainString)
                .containsExactly("24", "168", "720");
        assertThat(job.policy().sample()).isEqualTo(new com.releaseledger.analysis.Policy.Sample(40, "release-ledger"));
        assertThat(job.policy().staleIncidentDays()).isEqualTo(14);
        // a rule the job names has its owner (its id in any case), the others the default
        assertThat(job.policy().owner("RL04")).isEqualTo("Identity and access");
        assertThat(job.policy().owner("RL13")).isEqualTo("SRE");
        assertThat(job.policy().owner("RL01")).isEqualTo("Change management");
    }

    @Test
    void usesUtcAndTheDesignDefaultsWithoutZoneOrPolicy() throws IOException {
        JobFile job = JobFile.load(write("job: j\nsources:\n  - kind: services\n    path: s.csv\n"));

        assertThat(job.reportingZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(job.policy()).isEqualTo(com.releaseledger.analysis.Policy.defaults());
    }

    @Test
    void expandsAGlobRelativeToTheJobFileInByteOrder() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String name : new String[] {"deploy-b.csv", "deploy-B.csv", "deploy-a.csv", "other.csv"}) {
            Files.writeString(data.resolve(name), "x");
        }
        JobFile job = JobFile.load(write("""
                job: j
                sources:
                  - kind: deployments
                    path: data/deploy-*.csv
                """));

        assertThat(job.sources().get(0).files()).extracting(path -> path.getFileName().toString())
                .containsExactly("deploy-B.csv", "deploy-a.csv", "deploy-b.csv");
    }

    /** As the shell would: a glob may climb out of the job file's folder, or be absolute; a wildcard stays in its folder. */
    @Test
    void aGlobMatchesOutsideTheJobFilesFolderAsTheShellWould() throws IOException {
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(data.resolve("2026"));
        for (String name : new String[] {"a.csv", "b.csv", "notes.txt", "2026/c.csv"}) {
            Files.writeString(data.resolve(name), "x");
        }
        Path jobFile = Files.writeString(jobs.resolve("job.yml"), """
                job: j
                sources:
                  - kind: deployments
                    path: ../data/*.csv
                  - kind: deployments
                    path: %s/*/*.csv
                  - kind: deployments
                    path: ../data/**.csv
                  - kind: deployments
                    path: ../nowhere/*.csv
                """.formatted(data.toAbsolutePath()));

        List<SourceSpec> sources = JobFile.load(jobFile).sources();
        // one folder deep: a.csv and b.csv, not 2026/c.csv (a * never crosses a folder), not notes.txt
        assertThat(sources.get(0).files()).containsExactly(data.resolve("a.csv").normalize(),
                data.resolve("b.csv").normalize());
        assertThat(sources.get(1).files()).containsExactly(data.resolve("2026/c.csv").normalize());
        assertThat(sources.get(2).files()).extracting(path -> data.relativize(path).toString())
                .containsExactly("2026/c.csv", "a.csv", "b.csv");
        assertThat(sources.get(3).files()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown key            | job: j\\nsoruces: []\\n                                       | job.yml line 2: key "soruces" in the job file is not one of [description, ingest, job, output, policy, reporting_zone, reports, schedule, sources]
            no job name               | sources:\\n  - kind: services\\n    path: s.csv\\n         | job.yml line 1: key "job" is required
            no sources                | job: j\\n                                                   | job.yml line 1: sources must be a non-empty list of sources
            an unknown kind           | job: j\\nsources:\\n  - kind: tickets\\n    path: t.csv\\n  | job.yml line 3: kind "tickets" is not one of [deployments, changes, incidents, services, blackouts, exceptions, approvals, responses]
            a source without a path   | job: j\\nsources:\\n  - kind: changes\\n                   | job.yml line 3: key "path" is required
            an unknown source key     | job: j\\nsources:\\n  - kind: changes\\n    file: c.csv\\n  | job.yml line 4: key "file" in a source is not one of [constants, format, kind, path, profile, zone]
            a bad zone                | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\n    zone: Mars/Base\\n | job.yml line 5: zone "Mars/Base" is not a time zone (like UTC or Europe/London)
            a bad format              | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\n    format: xlsx\\n | job.yml line 5: format "xlsx" is not one of [csv, jsonl]
            a share above one         | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\ningest:\\n  max_rejected_share: 5\\n | job.yml line 6: ingest.max_rejected_share must be a number from 0 to 1
            a bad job name            | job: my job!\\nsources:\\n  - kind: changes\\n    path: c.csv\\n | job.yml line 1: job "my job!" is not a name of letters, digits, '.', '_' and '-'
            an unknown policy key     | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\npolicy:\\n  pir: 5\\n | job.yml line 6: key "pir" in policy is not one of [bands, cab_required_risks, control_owners, emergency_review_days, gate_blocking_severities, gate_max_age_minutes, gate_required, max_exception_days, pir_days, postmortem_days, postmortem_max_severity, production_environments, sample, stale_incident_days]
            negative days             | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\npolicy:\\n  pir_days: -1\\n | job.yml line 6: policy.pir_days "-1" is not a whole number of 0 or more
            a severity out of range   | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\npolicy:\\n  postmortem_max_severity: 9\\n | job.yml line 6: policy: postmortem_max_severity must be from 1 to 4
            an owner of no rule       | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\npolicy:\\n  control_owners:\\n    RL99: Ops\\n | job.yml line 6: policy: control_owners names RL99, which is not a rule (RL01 to RL16)
            owners not a mapping      | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\npolicy:\\n  control_owners: Ops\\n | job.yml line 6: policy.control_owners must map rule ids to owners (RL01: Release management)
            two band thresholds       | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\npolicy:\\n  bands:\\n    recovery_hours: [1, 2]\\n | job.yml line 7: policy.bands.recovery_hours must be a list of 3 numbers
            a bad cron                | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\nschedule:\\n  cron: every day\\n  period: previous-month\\n | job.yml line 6: schedule.cron "every day" is not a cron expression: Cron expression must consist of 6 fields (found 2 in "every day") (like "0 6 1 * *": minute hour day-of-month month day-of-week)
            a bad schedule period     | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\nschedule:\\n  cron: 0 6 1 * *\\n  period: monthly\\n | job.yml line 7: period "monthly" is not one of [previous-month, previous-quarter, previous-week]
            an unknown report         | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\nreports: [audit-pack, board-pack]\\n | job.yml line 5: report "board-pack" is not one of [audit-pack, error-budget, scorecard]
            a bad reporting zone      | job: j\\nreporting_zone: Moon\\nsources:\\n  - kind: changes\\n    path: c.csv\\n | job.yml line 2: reporting_zone "Moon" is not a time zone (like UTC or Europe/London)
            """)
    void refusesAWrongJobFileNamingTheLineAndWhatWasExpected(String what, String yaml, String message)
            throws IOException {
        Path file = write(yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> JobFile.load(file))
                .isInstanceOf(JobFileException.class)
                .hasMessage(dir.resolve(message.substring(0, message.indexOf(' '))) + message.substring(message.indexOf(' ')));
    }

    @Test
    void refusesYamlThatDoesNotParse() throws IOException {
        Path file = write("job: [unclosed\n");

        assertThatThrownBy(() -> JobFile.load(file))
                .isInstanceOf(JobFileException.class)
                .hasMessageStartingWith(file + ": not valid YAML: ");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("job.yml"), yaml);
    }
}
