package com.releaseledger.benchmark;

import java.util.Arrays;
import java.util.Locale;

import com.releaseledger.kernel.BadInputException;

/**
 * A benchmark scale, named by its deployment rows in one month: {@code 1m} is the enterprise month of issue 6
 * (about 1,000,000 deployments, 200,000 changes and 50,000 incidents over 500 services in 12 teams); the other
 * scales keep the services and teams and scale the rest.
 *
 * @param name        {@code 10k} (a quick look, and the tests), {@code 100k}, {@code 1m}, {@code 3m} or {@code 10m}
 * @param deployments the deployment rows aimed at
 */
public record BenchScale(String name, long deployments) {

    public static final BenchScale S10K = new BenchScale("10k", 10_000);
    public static final BenchScale S100K = new BenchScale("100k", 100_000);
    public static final BenchScale S1M = new BenchScale("1m", 1_000_000);
    public static final BenchScale S3M = new BenchScale("3m", 3_000_000);
    public static final BenchScale S10M = new BenchScale("10m", 10_000_000);

    /** The deployment rows the generator writes per production deployment it plans (staging runs, retries). */
    static final double ROWS_PER_PLANNED_DEPLOYMENT = 1.39;

    public static BenchScale of(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.asList(S10K, S100K, S1M, S3M, S10M).stream().filter(scale -> scale.name.equals(key))
                .findFirst().orElseThrow(() -> new BadInputException("--scale \"" + name
                        + "\" is not one of 10k, 100k, 1m, 3m, 10m"));
    }

    /** The production deployments a month to ask the generator for. */
    int plannedDeployments() {
        return (int) Math.round(deployments / ROWS_PER_PLANNED_DEPLOYMENT);
    }
}
