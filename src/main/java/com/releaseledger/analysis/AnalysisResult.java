package com.releaseledger.analysis;

import java.util.List;
import java.util.Map;

/**
 * A stored analysis run and what it found, for the end-of-run summary.
 *
 * @param runId            the run (analysis_run.run_id)
 * @param request          what was analysed
 * @param headline         org-level values of the headline metrics, formatted for people
 * @param findingsByRule   findings per rule id (rules without findings included, with 0)
 * @param pending          the number of pending items
 * @param dataQualityItems data-quality items per category
 * @param seconds          how long the analysis took
 */
public record AnalysisResult(long runId, AnalysisRequest request, Map<String, String> headline,
        Map<String, Long> findingsByRule, long pending, Map<String, Long> dataQualityItems, double seconds) {

    public long findings() {
        return findingsByRule.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Findings of rules whose severity is {@code severity} or higher (high above medium). */
    public long findingsAtLeast(String severity) {
        boolean highOnly = "high".equals(severity);
        return Catalog.RULES.stream()
                .filter(rule -> !highOnly || rule.severity().equals("high"))
                .mapToLong(rule -> findingsByRule.getOrDefault(rule.id(), 0L))
                .sum();
    }

    /** The headline metrics shown at the end of a run, in order. */
    static final List<String> HEADLINE = List.of("deployments", "deployment_frequency_per_day",
            "change_failure_rate", "lead_time_median_hours", "failed_deployment_recovery_median_hours",
            "mttr_median_hours", "incidents");
}
