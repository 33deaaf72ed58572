package com.releaseledger.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class TemplateFormatTests {

    @Test
    void aChangeIsAnArrowAndItsSignedSizeAtThePatternsPrecision() {
        assertThat(TemplateFormat.change(new BigDecimal("1.25"), 1, "0.0")).isEqualTo("\u25B2 +1.3");
        assertThat(TemplateFormat.change(new BigDecimal("-0.4"), 1, "0.0")).isEqualTo("\u25BC -0.4");
        // a ratio's change in percentage points: 0.052 to 0.040 is 1.2 points down
        assertThat(TemplateFormat.change(new BigDecimal("-0.012"), 100, "0.0")).isEqualTo("\u25BC -1.2");
        // a change that rounds to nothing is no change, whatever its sign
        assertThat(TemplateFormat.change(new BigDecimal("-0.04"), 1, "0.0")).isEqualTo("= 0.0");
        assertThat(TemplateFormat.change(BigDecimal.ZERO, 1, "0")).isEqualTo("= 0");
        assertThat(TemplateFormat.change(null, 1, "0.0")).isEqualTo("\u2013");
    }
}
