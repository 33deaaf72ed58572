package com.releaseledger.reporting;

import com.releaseledger.kernel.SqlFile;

/**
 * One sheet of a workbook: its title and the SQL file (under {@code sql/reports/}) whose rows fill it.
 * The query takes the run as {@code :run_id}. A {@code form} is a list of labelled values rather than a population
 * (a cover): its query gives each row an {@code item} and its value in one of the columns after it, by type
 * (text, number or time), and the sheet shows item and value, with no filter.
 */
record Dataset(String sheet, SqlFile sql, boolean form) {

    static Dataset of(String sheet, String file) {
        return new Dataset(sheet, SqlFile.load("reports/" + file), false);
    }

    static Dataset form(String sheet, String file) {
        return new Dataset(sheet, SqlFile.load("reports/" + file), true);
    }
}
