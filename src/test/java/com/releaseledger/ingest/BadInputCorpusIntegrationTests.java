package com.releaseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.releaseledger.support.LedgerIntegrationTest;

/**
 * The bad-input corpus: one file for each kind of bad input a real export has been seen to hold. Every one ends
 * in a state a person can act on and loses nothing: refused whole with the line and the cause, or loaded with the
 * bad rows kept as rejected rows with their reasons (or ignored values noted); never an exception, never a file
 * left loading, and always read = loaded + rejected + duplicate. Each expected outcome is worked out from the
 * ingest rules (DESIGN.md 2.5) for the file shown.
 */
class BadInputCorpusIntegrationTests extends LedgerIntegrationTest {

    private static final String DEPLOYMENTS = "deployment_id,service,environment,status,started_at,finished_at\n";
    private static final String GOOD = "d1,svc,production,succeeded,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z\n";

    @TempDir
    Path dir;

    @Autowired
    IngestService ingest;

    /**
     * A case: the kind and file, and what must come of it: refused (with this in its error), or loaded with so
     * many rows loaded, rejected and ignored values, and this in the first rejected row's reason.
     */
    record Case(String name, Kind kind, String file, byte[] content, boolean refused, String message, long loaded,
            long rejected, long notes) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case refused(String name, Kind kind, String file, String content, String message) {
        return new Case(name, kind, file, content.getBytes(StandardCharsets.UTF_8), true, message, 0, 0, 0);
    }

    private static Case refused(String name, Kind kind, String file, byte[] content, String message) {
        return new Case(name, kind, file, content, true, message, 0, 0, 0);
    }

    private static Case loaded(String name, Kind kind, String file, String content, long loaded, long rejected,
            long notes, String reason) {
        return new Case(name, kind, file, content.getBytes(StandardCharsets.UTF_8), false, reason, loaded, rejected,
                notes);
    }

    static Stream<Case> corpus() {
        byte[] latin1 = (DEPLOYMENTS + "d1,caf\u00e9,production,succeeded,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                refused("an empty file", Kind.DEPLOYMENTS, "empty.csv", "", "line 1: the file is empty"),
                refused("a header missing required columns", Kind.DEPLOYMENTS, "header.csv",
                        "deployment_id,service\nd1,svc\n", "line 1: the header lacks required columns environment,"
                                + " status, started_at"),
                refused("bytes that are not UTF-8", Kind.DEPLOYMENTS, "latin1.csv", latin1, "line 2: "),
                refused("an unbalanced quote", Kind.DEPLOYMENTS, "quote.csv",
                        DEPLOYMENTS + "d1,\"svc,production,succeeded,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z\n",
                        "line 2: "),
                refused("an empty JSON Lines file", Kind.INCIDENTS, "empty.jsonl", "", "line 1: the file is empty"),
                loaded("a header and no rows", Kind.DEPLOYMENTS, "no-rows.csv", DEPLOYMENTS, 0, 0, 0, null),
                loaded("a byte-order mark", Kind.DEPLOYMENTS, "bom.csv", "\uFEFF" + DEPLOYMENTS + GOOD, 1, 0, 0, null),
                loaded("Windows line ends", Kind.DEPLOYMENTS, "crlf.csv", (DEPLOYMENTS + GOOD).replace("\n", "\r\n"), 1,
                        0, 0, null),
                loaded("blank lines", Kind.DEPLOYMENTS, "blank.csv", DEPLOYMENTS + "\n" + GOOD + "\n\n", 1, 0, 0, null),
                loaded("columns the kind does not have", Kind.DEPLOYMENTS, "extra.csv",
                        "deployment_id,service,environment,status,started_at,finished_at,pipeline\n"
                                + GOOD.replace("\n", ",p-1\n"), 1, 0, 0, null),
                loaded("a value in another letter case", Kind.DEPLOYMENTS, "case.csv",
                        DEPLOYMENTS + GOOD.replace("succeeded", "SUCCEEDED"), 1, 0, 0, null),
                loaded("a row with too many fields", Kind.DEPLOYMENTS, "wide.csv",
                        DEPLOYMENTS + GOOD.replace("\n", ",x\n"), 0, 1, 0, "has 7 fields; the header has 6"),
                loaded("a status not in the list", Kind.DEPLOYMENTS, "status.csv",
                        DEPLOYMENTS + GOOD.replace("succeeded", "done"), 0, 1, 0, "status \"done\" is not one of"),
                loaded("a time in words", Kind.DEPLOYMENTS, "words.csv",
                        DEPLOYMENTS + GOOD.replace("2026-10-01T10:00:00Z", "yesterday 10am"), 0, 1, 0,
                        "started_at \"yesterday 10am\" is not an ISO-8601 date-time"),
                loaded("a finish before the start", Kind.DEPLOYMENTS, "order.csv",
                        DEPLOYMENTS + GOOD.replace("10:05:00Z", "09:55:00Z"), 0, 1, 0, "finished_at 2026-10-01T09:55:00Z"
                                + " is before started_at 2026-10-01T10:00:00Z"),
                loaded("a required value empty", Kind.DEPLOYMENTS, "empty-value.csv",
                        DEPLOYMENTS + GOOD.replace(",svc,", ",,"), 0, 1, 0, "service is required but empty"),
                loaded("a NUL byte", Kind.DEPLOYMENTS, "nul.csv", DEPLOYMENTS + GOOD.replace(",svc,", ",s\u0000vc,"), 0, 1,
                        0, "service holds a NUL character"),
                loaded("year 0000", Kind.DEPLOYMENTS, "year0.csv", DEPLOYMENTS + GOOD.replace("2026-", "0000-"), 0, 1, 0,
                        "is outside the years 0001 to 9999"),
                loaded("a five-digit year", Kind.DEPLOYMENTS, "year5.csv", DEPLOYMENTS + GOOD.replace("2026-", "+12026-"),
                        0, 1, 0, "is outside the years 0001 to 9999"),
                loaded("a negative year", Kind.DEPLOYMENTS, "negative.csv", DEPLOYMENTS + GOOD.replace("2026-", "-0001-"),
                        0, 1, 0, "is outside the years 0001 to 9999"),
                loaded("a local time in year 10000 in UTC", Kind.BLACKOUTS, "late.csv",
                        "blackout_id,starts_at,ends_at\nb1,2026-10-01T00:00:00Z,9999-12-31T23:30:00-01:00\n", 0, 1, 0,
                        "ends_at \"9999-12-31T23:30:00-01:00\" is outside the years 0001 to 9999"),
                loaded("more than nine digits of a second", Kind.DEPLOYMENTS, "fraction.csv",
                        DEPLOYMENTS + GOOD.replace("10:00:00Z", "10:00:00.1234567891Z"), 0, 1, 0,
                        "is not an ISO-8601 date-time"),
                loaded("an end before the start of a blackout", Kind.BLACKOUTS, "blackout.csv",
                        "blackout_id,starts_at,ends_at\nb1,2026-10-02T00:00:00Z,2026-10-01T00:00:00Z\n", 0, 1, 0,
                        "ends_at 2026-10-01T00:00:00Z is before starts_at 2026-10-02T00:00:00Z"),
                loaded("a severity in a tool's words", Kind.INCIDENTS, "p1.jsonl",
                        "{\"incident_id\": \"i1\", \"service\": \"svc\", \"severity\": \"P1\", \"started_at\":"
                                + " \"2026-10-01T10:00:00Z\"}\n", 0, 1, 0, "severity \"P1\" is not a whole number from 1 to 4"),
                loaded("a severity out of range", Kind.INCIDENTS, "sev9.csv",
                        "incident_id,service,severity,started_at\ni1,svc,9,2026-10-01T10:00:00Z\n", 0, 1, 0,
                        "severity \"9\" is not a whole number from 1 to 4"),
                loaded("a boolean that is neither", Kind.INCIDENTS, "maybe.csv",
                        "incident_id,service,severity,started_at,customer_impact\ni1,svc,2,2026-10-01T10:00:00Z,maybe\n",
                        0, 1, 0, "customer_impact \"maybe\" is not true or false"),
                loaded("a JSON line cut short", Kind.INCIDENTS, "cut.jsonl",
                        "{\"incident_id\": \"i1\", \"service\": \"svc\"\n", 0, 1, 0,
                        "is not valid JSON at column 39: the record ends before it is closed"),
                loaded("a JSON line that is not an object", Kind.INCIDENTS, "array.jsonl", "[\"i1\", \"svc\"]\n", 0, 1, 0,
                        "is not a JSON object"),
                loaded("an object where a value goes", Kind.INCIDENTS, "nested.jsonl",
                        "{\"incident_id\": \"i1\", \"service\": {\"name\": \"svc\"}, \"severity\": 2, \"started_at\":"
                                + " \"2026-10-01T10:00:00Z\"}\n", 0, 1, 0, "service is an object; expected a value"),
                loaded("half of a surrogate pair", Kind.INCIDENTS, "surrogate.jsonl",
                        "{\"incident_id\": \"i\\ud800\", \"service\": \"svc\", \"severity\": 2, \"started_at\":"
                                + " \"2026-10-01T10:00:00Z\"}\n", 0, 1, 0, "incident_id holds half of a surrogate pair"),
                loaded("an optional value that is wrong, in services", Kind.SERVICES, "tier.csv",
                        "service,team,tier,slo_target,rollback\nsvc,t,four,n/a,sometimes\n", 1, 0, 3, null),
                loaded("a decimal of thousands of digits", Kind.SERVICES, "huge.csv",
                        "service,team,slo_target\nsvc,t,1e5000\n", 1, 0, 1, null),
                loaded("the same row twice", Kind.DEPLOYMENTS, "twice.csv", DEPLOYMENTS + GOOD + GOOD, 1, 0, 0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyKindOfBadInputEndsInAStateAPersonCanActOnAndLosesNothing(Case bad) throws IOException {
        Path file = Files.write(dir.resolve(bad.file()), bad.content());

        FileReport report = ingest.ingest(IngestRequest.of(bad.kind(), file));

        // never left loading, and every row accounted for
        assertThat(jdbc.queryForList("SELECT status FROM source_file", String.class)).doesNotContain("loading");
        assertThat(report.read()).isEqualTo(report.loaded() + report.rejected() + report.duplicate());
        if (bad.refused()) {
            assertThat(report.outcome()).isEqualTo(FileReport.Outcome.REFUSED);
            assertThat(report.error()).contains(bad.message());
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + bad.kind().table(), Long.class)).isZero();
            return;
        }
        assertThat(report.outcome()).isEqualTo(FileReport.Outcome.LOADED);
        assertThat(List.of(report.loaded(), report.rejected(), report.ignoredValues()))
                .containsExactly(bad.loaded(), bad.rejected(), bad.notes());
        List<String> reasons = jdbc.queryForList("SELECT reason FROM rejected_row ORDER BY line_no", String.class);
        assertThat(reasons).hasSize((int) bad.rejected());
        if (bad.message() != null) {
            assertThat(reasons.get(0)).contains(bad.message());
            // the rejected row is kept whole, with its line
            assertThat(jdbc.queryForObject("SELECT raw_text FROM rejected_row", String.class)).isNotBlank();
        }
    }
}
