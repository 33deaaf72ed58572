package com.releaseledger.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How values are written in the CSV files (DESIGN.md section 7): worked out by hand from the rule. */
class NumbersTests {

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(textBlock = """
            # plain decimal notation, at most 6 decimals, rounded half away from zero
            0.1234565,   0.123457
            -0.1234565,  -0.123457
            0.1234564,   0.123456
            # no trailing zeros, no exponent
            2.500000,    2.5
            1E+3,        1000
            1.5E-7,      0
            # a value that rounds to zero is 0, never -0
            -0.0000004,  0
            0,           0
            31,          31
            """)
    void writesValuesForTheCsvFiles(String value, String written) {
        assertThat(Numbers.forCsv(new BigDecimal(value))).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} -> \"\"")
    @CsvSource(nullValues = "null", value = "null")
    void writesNullAsEmpty(BigDecimal value) {
        assertThat(Numbers.forCsv(value)).isEmpty();
    }
}
