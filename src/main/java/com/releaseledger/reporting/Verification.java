package com.releaseledger.reporting;

import java.util.List;

/**
 * What {@code verify} found: a line per check, and whether all of them passed.
 *
 * @param lines  "ok ..." and "FAILED ..." lines, in the order checked
 * @param passed true when nothing failed
 */
public record Verification(List<String> lines, boolean passed) {
}
