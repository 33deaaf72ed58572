package com.releaseledger.generate;

import java.time.YearMonth;
import java.time.ZoneId;

import com.releaseledger.kernel.BadInputException;

/**
 * What to generate.
 *
 * @param firstMonth          the first month of data
 * @param months              how many months
 * @param services            how many services (spread over the teams)
 * @param teams               how many teams (at most 12)
 * @param deploymentsPerMonth production deployments a month across all services, roughly
 * @param seed                the random seed: the same settings give byte-identical files
 * @param malformedShare      share of deliberately malformed rows (0 for none)
 * @param zone                the organisation's zone: business hours, and the offsets written
 * @param deploymentsPerChange how many deployments of a service, started within two hours of each other, one
 *                            change ticket covers at most (1: a change per deployment; an enterprise rolls one change
 *                            out region by region)
 * @param incidentFactor      incidents relative to the example's rates (1: about 4 per 100 deployments)
 * @param holdReleases        whether teams mostly hold releases once a service's error budget is spent (the
 *                            benchmark turns it off, so that the month has the deployments it asks for)
 */
public record GeneratorSettings(YearMonth firstMonth, int months, int services, int teams, int deploymentsPerMonth,
        long seed, double malformedShare, ZoneId zone, int deploymentsPerChange, double incidentFactor,
        boolean holdReleases) {

    /** One change per deployment, incidents at the example's rates. */
    public GeneratorSettings(YearMonth firstMonth, int months, int services, int teams, int deploymentsPerMonth,
            long seed, double malformedShare, ZoneId zone) {
        this(firstMonth, months, services, teams, deploymentsPerMonth, seed, malformedShare, zone, 1, 1.0, true);
    }

    public GeneratorSettings {
        if (deploymentsPerChange < 1) {
            throw new BadInputException("deployments per change must be at least 1");
        }
        if (incidentFactor < 0 || incidentFactor > 20) {
            throw new BadInputException("incident factor must be from 0 to 20");
        }
        if (months < 1) {
            throw new BadInputException("months must be at least 1");
        }
        if (services < 4) {
            throw new BadInputException("services must be at least 4");
        }
        if (teams < 1 || teams > 12 || teams > services) {
            throw new BadInputException("teams must be from 1 to 12, and no more than the services");
        }
        if (deploymentsPerMonth < services) {
            throw new BadInputException("deployments per month must be at least the number of services");
        }
        if (malformedShare < 0 || malformedShare > 0.5) {
            throw new BadInputException("malformed share must be from 0 to 0.5");
        }
    }

    /** The last month generated. */
    public YearMonth lastMonth() {
        return firstMonth.plusMonths(months - 1L);
    }

    /** The example's shape: six months ending October 2026, twenty services in five teams. */
    public static GeneratorSettings example() {
        return new GeneratorSettings(YearMonth.of(2026, 5), 6, 20, 5, 700, 20261026L, 0.003,
                ZoneId.of("Europe/London"));
    }
}
