package com.releaseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Field parsing and the rules across fields (DESIGN.md section 2), without a database. */
class RowValidatorTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "{0} in Europe/London is {1}")
    @CsvSource(textBlock = """
            2026-10-03T14:05:11+02:00,         2026-10-03T12:05:11Z
            2026-10-03T12:05:11Z,              2026-10-03T12:05:11Z
            2026-10-03T12:05:11.123456789Z,    2026-10-03T12:05:11.123456Z
            2026-07-01T10:00:00,               2026-07-01T09:00:00Z
            2026-01-15T10:00:00,               2026-01-15T10:00:00Z
            2026-03-29T01:30:00,               2026-03-29T01:30:00Z
            2026-10-25T01:30:00,               2026-10-25T00:30:00Z
            2026-10-03T14:05:11+02:00[Europe/Paris], 2026-10-03T12:05:11Z
            """)
    void readsTimestampsWithTheirOffsetOrInTheSourceZone(String text, String expected) {
        // 2026-03-29 01:30 does not exist in London (clocks go forward at 01:00): it moves on by the gap, to
        // 02:30 BST. 2026-10-25 01:30 happens twice (clocks go back at 02:00): the earlier, BST, is taken.
        LedgerRow row = validate(Kind.BLACKOUTS, "b1", text, "2027-01-01T00:00:00Z", null, null);

        assertThat(row).isInstanceOf(LedgerRow.Accepted.class);
        assertThat(((LedgerRow.Accepted) row).values()[1]).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "\"{0}\" is not a timestamp")
    @CsvSource(textBlock = """
            2026-02-30T10:00:00Z
            2026-10-03T25:00:00Z
            2026-10-03T12:60:00Z
            2026-10-03 12:05:11Z
            2026-10-03T12:05:11.1234567891Z
            2026-10-03T12:05:11+0200
            2026-10-03T12:05:11+02:00junk
            2026-10-03
            yesterday
            """)
    void rejectsWhatIsNotAnIsoDateTime(String text) {
        LedgerRow row = validate(Kind.BLACKOUTS, "b1", text, "2027-01-01T00:00:00Z", null, null);

        assertThat(((LedgerRow.Rejected) row).reason())
                .isEqualTo("starts_at \"" + text + "\" is not an ISO-8601 date-time (like 2026-10-03T14:05:11+02:00)");
    }

    /**
     * Values PostgreSQL would refuse are rejected rows with a reason, never a failed load: years outside 0001-9999 in
     * UTC (year 0, five-digit and negative years, and a local time that is in year 10000 in UTC).
     */
    @ParameterizedTest(name = "\"{0}\" is outside the ledger's years")
    @CsvSource(textBlock = """
            0000-06-01T10:00:00Z
            +12026-10-03T12:05:11Z
            -0001-10-03T12:05:11Z
            +10000-01-01T00:00:00Z
            9999-12-31T23:30:00-01:00
            """)
    void rejectsTimesOutsideTheYearsTheLedgerHolds(String text) {
        LedgerRow row = validate(Kind.BLACKOUTS, "b1", text, "2027-01-01T00:00:00Z", null, null);

        assertThat(((LedgerRow.Rejected) row).reason()).isEqualTo("starts_at \"" + text
                + "\" is outside the years 0001 to 9999 (in UTC) that the ledger holds");
    }

    @Test
    void acceptsTheFirstAndLastInstantsOfTheLedgersYears() {
        assertThat(validate(Kind.BLACKOUTS, "b1", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", null, null))
                .isInstanceOf(LedgerRow.Accepted.class);
    }

    @Test
    void rejectsTextHoldingANulOrHalfASurrogatePairNamingThePosition() {
        assertThat(((LedgerRow.Rejected) validate(Kind.BLACKOUTS, "b\u0000x", "2026-10-01T00:00:00Z",
                "2026-10-02T00:00:00Z", null, null)).reason())
                .isEqualTo("blackout_id holds a NUL character (at position 2), which the ledger cannot store");
        assertThat(((LedgerRow.Rejected) validate(Kind.BLACKOUTS, "b1", "2026-10-01T00:00:00Z",
                "2026-10-02T00:00:00Z", "svc\ud800", null)).reason())
                .isEqualTo("services holds half of a surrogate pair (at position 4), which is not a character");
        // a whole pair (an emoji) is a character like any other
        assertThat(validate(Kind.BLACKOUTS, "b1", "2026-10-01T00:00:00Z", "2026-10-02T00:00:00Z", "svc\uD83D\uDE00",
                null)).isInstanceOf(LedgerRow.Accepted.class);
        // the rejected row itself is kept storable: the NUL shown as its symbol
        assertThat(LedgerRowWriter.storable("b\u0000x\ud800")).isEqualTo("b\u2400x\uFFFD");
    }

    @ParameterizedTest(name = "severity \"{0}\"")
    @CsvSource(textBlock = """
            1,   1,
            ' 4 ', 4,
            0,   , severity "0" is not a whole number from 1 to 4
            5,   , severity "5" is not a whole number from 1 to 4
            P1,  , severity "P1" is not a whole number from 1 to 4
            1.0, , severity "1.0" is not a whole number from 1 to 4
            """)
    void checksSeverityIsAWholeNumberFromOneToFour(String severity, Integer expected, String reason) {
        LedgerRow row = validate(Kind.INCIDENTS, "i1", "svc", severity, "2026-10-01T10:00:00Z");

        if (expected != null) {
            assertThat(((LedgerRow.Accepted) row).values()[2]).isEqualTo(expected);
        } else {
            assertThat(((LedgerRow.Rejected) row).reason()).isEqualTo(reason);
        }
    }

    @Test
    void matchesEnumerationsCaseInsensitivelyAfterTrimmingAndStoresThemCanonically() {
        LedgerRow row = validate(Kind.CHANGES, "c1", " EMERGENCY ", "High", "svc", "Closed", "ann",
                "2026-10-01T10:00:00Z");

        Object[] values = ((LedgerRow.Accepted) row).values();
        assertThat(values[1]).isEqualTo("emergency");
        assertThat(values[2]).isEqualTo("high");
        assertThat(values[4]).isEqualTo("closed");
    }

    @Test
    void appliesBooleanDefaultsAndRejectsOtherWords() {
        Object[] defaults = ((LedgerRow.Accepted) validate(Kind.INCIDENTS, "i1", "svc", "2",
                "2026-10-01T10:00:00Z")).values();
        assertThat(defaults[Kind.INCIDENTS.fieldIndex("customer_impact")]).isEqualTo(true);

        String[] fields = new String[Kind.INCIDENTS.fields().size()];
        fields[0] = "i2";
        fields[1] = "svc";
        fields[2] = "2";
        fields[3] = "2026-10-01T10:00:00Z";
        fields[Kind.INCIDENTS.fieldIndex("customer_impact")] = "yes";
        LedgerRow row = new RowValidator(Kind.INCIDENTS, LONDON).process(new SourceRecord(1, 2, fields, () -> "raw", null));
        assertThat(((LedgerRow.Rejected) row).reason()).isEqualTo("customer_impact \"yes\" is not true or false");
    }

    @Test
    void reportsEveryProblemOfARowTogether() {
        LedgerRow row = validate(Kind.CHANGES, "c1", "urgent", "", "svc", "closed", "ann", "yesterday");

        assertThat(((LedgerRow.Rejected) row).reason()).isEqualTo(
                "type \"urgent\" is not one of [standard, normal, emergency]; risk is required but empty; "
                        + "created_at \"yesterday\" is not an ISO-8601 date-time (like 2026-10-03T14:05:11+02:00)");
    }

    @Test
    void ignoresAnSloTargetOutsideZeroToHundredAndNotesIt() {
        LedgerRow row = validate(Kind.SERVICES, "svc", "team", "2", "0", "", "");

        LedgerRow.Accepted accepted = (LedgerRow.Accepted) row;
        assertThat(accepted.values()[3]).isNull();
        assertThat(accepted.values()[4]).isEqualTo("automated");
        assertThat(accepted.notes()).extracting(LedgerRow.Note::field).containsExactly("slo_target");
    }

    @Test
    void rejectsABlackoutThatEndsBeforeItStarts() {
        LedgerRow row = validate(Kind.BLACKOUTS, "b1", "2026-10-02T00:00:00Z", "2026-10-01T00:00:00Z", "", "");

        assertThat(((LedgerRow.Rejected) row).reason())
                .isEqualTo("ends_at 2026-10-01T00:00:00Z is before starts_at 2026-10-02T00:00:00Z");
    }

    /** Validates a record whose leading fields are the given texts (the rest absent). */
    private static LedgerRow validate(Kind kind, String... leading) {
        String[] values = new String[kind.fields().size()];
        System.arraycopy(leading, 0, values, 0, leading.length);
        return new RowValidator(kind, LONDON).process(new SourceRecord(1, 2, values, () -> String.join(",", leading), null));
    }
}
