package com.releaseledger.reporting;

import com.releaseledger.kernel.SqlFile;

/**
 * One sheet of a workbook: its title and the SQL file (under {@code sql/reports/}) whose rows fill it.
 * The query takes the run as {@code :run_id}.
 */
record Dataset(String sheet, SqlFile sql) {

    static Dataset of(String sheet, String file) {
        return new Dataset(sheet, SqlFile.load("reports/" + file));
    }
}
