package com.releaseledger.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown key            | job: j\\nsoruces: []\\n                                       | job.yml line 2: key "soruces" in the job file is not one of [description, ingest, job, policy, reporting_zone, sources]
            no job name               | sources:\\n  - kind: services\\n    path: s.csv\\n         | job.yml line 1: key "job" is required
            no sources                | job: j\\n                                                   | job.yml line 1: sources must be a non-empty list of sources
            an unknown kind           | job: j\\nsources:\\n  - kind: tickets\\n    path: t.csv\\n  | job.yml line 3: kind "tickets" is not one of [deployments, changes, incidents, services, blackouts, exceptions]
            a source without a path   | job: j\\nsources:\\n  - kind: changes\\n                   | job.yml line 3: key "path" is required
            an unknown source key     | job: j\\nsources:\\n  - kind: changes\\n    file: c.csv\\n  | job.yml line 4: key "file" in a source is not one of [format, kind, path, zone]
            a bad zone                | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\n    zone: Mars/Base\\n | job.yml line 5: zone "Mars/Base" is not a time zone (like UTC or Europe/London)
            a bad format              | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\n    format: xlsx\\n | job.yml line 5: format "xlsx" is not one of [csv, jsonl]
            a share above one         | job: j\\nsources:\\n  - kind: changes\\n    path: c.csv\\ningest:\\n  max_rejected_share: 5\\n | job.yml line 6: ingest.max_rejected_share must be a number from 0 to 1
            a bad job name            | job: my job!\\nsources:\\n  - kind: changes\\n    path: c.csv\\n | job.yml line 1: job "my job!" is not a name of letters, digits, '.', '_' and '-'
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
