package com.releaseledger.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers are written: exactly for the CSV files (DESIGN.md section 7), readably for people. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * Plain decimal notation, rounded half away from zero to at most 6 decimals, no trailing zeros, empty for
     * null, and {@code 0} for a value that rounds to zero.
     */
    public static String forCsv(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal rounded = value.setScale(6, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** Percent and hours with one decimal, ratios as percent, counts with thousands separators. */
    public static String forPeople(BigDecimal value, String unit) {
        if (value == null) {
            return "n/a";
        }
        return switch (unit) {
            case "ratio" -> String.format("%,.1f %%", value.doubleValue() * 100);
            case "percent" -> String.format("%,.1f %%", value.doubleValue());
            case "hours" -> String.format("%,.1f h", value.doubleValue());
            case "minutes" -> String.format("%,.1f min", value.doubleValue());
            case "per_day" -> String.format("%,.2f a day", value.doubleValue());
            default -> String.format("%,d", value.longValue());
        };
    }
}
