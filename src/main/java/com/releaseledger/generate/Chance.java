package com.releaseledger.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The generator's distributions, over one seeded random sequence: the same seed gives the same draws in the same
 * order, so the same settings give byte-identical files.
 */
final class Chance {

    private final SplittableRandom random;

    Chance(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int nextInt() {
        return random.nextInt();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    boolean nextBoolean() {
        return random.nextBoolean();
    }

    long nextLong() {
        return random.nextLong();
    }

    /** True with the given chance in a hundred. */
    boolean percent(int chance) {
        return random.nextInt(100) < chance;
    }

    String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    String weighted(String[] values, int[] weights) {
        return values[weightedIndex(weights)];
    }

    int weightedIndex(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** An instant between {@code min} and {@code max} minutes after {@code from}, to the second. */
    Instant minutes(Instant from, int min, int max) {
        return from.plus(Duration.ofSeconds(60L * min + random.nextInt((max - min) * 60)));
    }

    /** A Poisson count (Knuth's method for small means, a rounded normal for large ones). */
    int poisson(double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            double normal = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * normal));
        }
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
