package com.releaseledger.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Formats the report templates share ({@code reports/*.jrxml} call these in their expressions), so that a change
 * reads the same on every page: an arrow for its direction, then its signed size.
 */
public final class TemplateFormat {

    private TemplateFormat() {
    }

    /**
     * A change against the previous period: "▲ +1.2", "▼ -0.4", "= 0.0", or "–" when there is none to compare with
     * (the templates say so beside the table). {@code scale} multiplies it first (100 shows a ratio's change in
     * percentage points).
     */
    public static String change(BigDecimal change, int scale, String pattern) {
        if (change == null) {
            return "\u2013";
        }
        BigDecimal value = change.multiply(BigDecimal.valueOf(scale));
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP); // half away from zero (on the absolute value), as the CSV files round
        String size = format.format(value.abs());
        if (format.format(BigDecimal.ZERO).equals(size)) {
            return "= " + size;
        }
        return value.signum() > 0 ? "\u25B2 +" + size : "\u25BC -" + size;
    }
}
