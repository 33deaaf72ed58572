package com.releaseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A line that is not JSON is described in our words, with its column (1-based: where the parser stopped, or where the
 * word it could not read starts), never with the parser's internals. */
class JsonLinesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"a": 1,                 | not valid JSON at column 9: the record ends before it is closed (a missing } or ])
            {"a": 1 x}               | not valid JSON at column 9: unexpected character 'x'
            {"a": nope}              | not valid JSON at column 7: a word that is not a JSON value (nope)
            {"a": 1}}                | not valid JSON at column 9: a closing bracket that matches nothing
            """)
    void describesWhatIsWrongWithTheColumn(String line, String expected) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> JSON.readTree(line.strip()));

        assertThat(JsonLines.problem(e)).isEqualTo(expected).doesNotContain("Source", "REDACTED", "token");
    }
}
