package com.releaseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.releaseledger.kernel.BadInputException;

/** A profile that is itself wrong is refused before any file is read, naming its line and what was expected. */
class ProfileReaderTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown key             | fields:\\n  service: {colum: [x]}                  | line 6: key "colum" in service is not one of
            an unknown canonical field | fields:\\n  servce: {column: [x]}                 | line 6: "servce" is not a field of incidents
            a bad timestamp pattern    | timestamps: ["yyyy-MM-dd HH:mm {x}"]\\nfields:\\n  service: {column: x} | line 5: a timestamp pattern is not valid
            a map not defined          | fields:\\n  severity: {column: p, map: priority}    | line 6: map "priority" is not defined under maps
            a JSON path that is wrong  | fields:\\n  service: {path: "$..[?("}              | line 6: path "$..[?(" is not a JSON path
            two sources at once        | fields:\\n  service: {column: x, constant: y}      | line 6: service needs exactly one of
            """)
    void refusesAWrongProfile(String what, String tail, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("wrong.yml"), "profile: wrong\nkind: incidents\nformat: csv\n"
                + "zone: UTC\n" + tail.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> Profile.resolve(file.toString(), null)).as(what)
                .isInstanceOf(BadInputException.class).hasMessageContaining("profile " + file + " " + message);
    }

    @Test
    void aShippedProfileThatDoesNotExistIsNamedWithTheOnesThatDo() {
        assertThatThrownBy(() -> Profile.resolve("servicenow-changes", null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("profile \"servicenow-changes\" is not a shipped profile (one of [servicenow-change,");
    }

    @Test
    void everyShippedProfileLoadsByNameAndHasItsFileInJobsProfiles() {
        for (String name : ProfileReader.SHIPPED_NAMES) {
            Profile profile = Profile.shipped(name);
            assertThat(profile.name()).isEqualTo(name);
            assertThat(Path.of("jobs/profiles", name + ".yml")).exists();
            assertThat(profile.sha256()).hasSize(64);
        }
    }

    @Test
    void aMissingRequiredColumnRefusesTheFileAndAMissingOptionalOneGivesEmptyValues() throws IOException {
        Path noNumber = Files.writeString(dir.resolve("no-number.csv"), "short_description,priority\nx,1 - Critical\n");
        Profile profile = Profile.shipped("servicenow-incident");

        assertThatThrownBy(() -> RecordSource.open(noNumber, Kind.INCIDENTS, SourceFormat.CSV, profile, Map.of()))
                .isInstanceOf(MalformedSourceException.class)
                .hasMessageContaining("line 1: the header lacks the column number / Number that profile"
                        + " servicenow-incident requires");

        // an instance without resolved_at and caused_by columns: those fields are empty, the row is kept
        Path fewer = Files.writeString(dir.resolve("fewer.csv"),
                "number,priority,business_service,opened_at\nINC1,2 - High,Payments,2026-10-03 15:02:10\n");
        List<String> rows = ProfileSamplesTests.rows(profile, fewer, ZoneId.of("Europe/Berlin"), Map.of());
        assertThat(rows).containsExactly("incident_id=INC1 service=Payments severity=2 started_at=2026-10-03T13:02:10Z"
                + " detected_at=2026-10-03T13:02:10Z customer_impact=true");
    }
}
