package com.releaseledger.generate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.releaseledger.generate.Events.Change;
import com.releaseledger.generate.Organisation.Service;

/**
 * The ordinary work of a month: each service deploys on weekdays in business hours (a release train on its day),
 * rarely at weekends; teams respect freezes except for emergencies and mostly hold releases once a budget is
 * spent; some deployments fail and are retried, some are rolled back, some cause incidents.
 */
final class MonthlyRhythm {

    private final GeneratorSettings settings;
    private final Chance chance;
    private final Organisation organisation;
    private final Events events;
    /** Changes still open for more deployments of their service (when one change covers several). */
    private final Map<String, Change> openChanges = new LinkedHashMap<>();

    MonthlyRhythm(GeneratorSettings settings, Chance chance, Organisation organisation, Events events) {
        this.settings = settings;
        this.chance = chance;
        this.organisation = organisation;
        this.events = events;
    }

    /** The month's deployments, day by day, and the changes they ship. */
    void month(YearMonth month) throws IOException {
        double perServiceWeekday = settings.deploymentsPerMonth() / (double) settings.services() / 21.7;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            for (Service service : organisation.services()) {
                double lambda = weekend ? perServiceWeekday * 0.02
                        : service.train() ? (day.getDayOfWeek() == service.trainDay() ? perServiceWeekday * 5 : 0)
                        : perServiceWeekday;
                int n = chance.poisson(lambda);
                if (n == 0) {
                    continue;
                }
                int[] minutes = new int[n];
                for (int i = 0; i < n; i++) {
                    // business hours, 09:00 to 17:30, a release train at 10:00 and after
                    minutes[i] = service.train() && !weekend ? 600 + chance.nextInt(240) : 540 + chance.nextInt(510);
                }
                Arrays.sort(minutes);
                for (int minute : minutes) {
                    Instant start = organisation.local(day, minute / 60, minute % 60).plusSeconds(chance.nextInt(60));
                    String type = chance.weighted(new String[] {"standard", "normal", "emergency"},
                            new int[] {55, 41, 4});
                    if (!type.equals("emergency") && organisation.inBlackout(service.name(), start)) {
                        continue; // teams respect freezes, except for emergencies
                    }
                    if (settings.holdReleases() && !type.equals("emergency") && events.budgetSpent(service)
                            && chance.nextInt(10) > 0) {
                        continue; // and mostly hold releases once the month's error budget is spent
                    }
                    if (chance.nextDouble() < settings.malformedShare()) {
                        events.malformedDeployment(service, start);
                    }
                    deploymentUnit(service, start, type, month);
                }
            }
        }
        closeOpenChanges();
    }

    /** A change and what it takes to ship it: maybe a staging run, the production deployment, a retry or rollback. */
    private void deploymentUnit(Service service, Instant start, String type, YearMonth month) throws IOException {
        Change change = chance.percent(99) ? change(service, type, start) : null;
        boolean hotfix = "emergency".equals(type) || chance.percent(2);
        if (chance.percent(30)) {
            Instant stagingStart = start.minus(Duration.ofMinutes(60 + chance.nextInt(120)));
            events.deployment(service, "staging", "succeeded", stagingStart, chance.minutes(stagingStart, 3, 20),
                    change, null, hotfix, true);
        }
        String status = chance.weighted(new String[] {"succeeded", "failed", "rolled_back", "cancelled"},
                new int[] {90, 4, 3, 3});
        Instant finished = chance.minutes(start, 3, 40);
        String id = events.deployment(service, events.environment(), status, start, finished, change, null, hotfix,
                chance.percent(95));
        if (!events.correctionsFull() && status.equals("succeeded") && month.equals(settings.lastMonth())) {
            events.keepLastForCorrections();
        }
        String outcome = "successful";
        Instant lastLive = status.equals("succeeded") ? finished : null;
        switch (status) {
            case "failed" -> {
                if (chance.percent(80)) {
                    Instant retry = finished.plus(Duration.ofMinutes(30 + chance.nextInt(90)));
                    Instant retryEnd = chance.minutes(retry, 3, 40);
                    events.deployment(service, "production", "succeeded", retry, retryEnd, change, null, hotfix, true);
                    lastLive = retryEnd;
                } else {
                    outcome = "failed";
                }
            }
            case "rolled_back" -> {
                outcome = "backed_out";
                Instant back = finished.plus(Duration.ofMinutes(2 + chance.nextInt(20)));
                events.deployment(service, "production", "succeeded", back, chance.minutes(back, 2, 10), change, id,
                        true, true);
                if (change != null && chance.percent(80)) {
                    change.reviewCompleted = finished.plus(Duration.ofMinutes(6 * 60 + chance.nextInt(4 * 24 * 60)));
                }
                lastLive = finished;
            }
            case "cancelled" -> outcome = null;
            default -> {
            }
        }
        if (lastLive != null && chance.nextInt(1000) < 30 * settings.incidentFactor()) {
            boolean throughChange = change != null && chance.percent(25);
            events.incident(service, lastLive.plus(Duration.ofMinutes(5 + chance.nextInt(360))),
                    throughChange ? null : id, throughChange ? change.id : null);
        }
        if (chance.nextInt(1000) < 8 * settings.incidentFactor()) {
            events.incident(service, organisation.local(start.atZone(settings.zone()).toLocalDate(),
                    2 + chance.nextInt(20), 0), null, null);
        }
        if (change != null) {
            change.implementedBy = chance.pick(service.engineers());
            change.outcome = outcome;
            change.status = outcome == null ? "cancelled" : chance.percent(90) ? "closed" : "implemented";
            if (settings.deploymentsPerChange() == 1) {
                change.write();
            }
        }
    }

    /**
     * The change a deployment unit ships: a new one, or (when a change covers several deployments) the service's
     * open change of the same type if its first deployment started less than two hours ago and it has deployments
     * left.
     */
    private Change change(Service service, String type, Instant start) throws IOException {
        if (settings.deploymentsPerChange() == 1) {
            return events.new Change(service, type, start);
        }
        String key = service.name() + " " + type;
        Change open = openChanges.get(key);
        if (open != null && open.deployments < settings.deploymentsPerChange() && !type.equals("emergency")
                && start.isBefore(open.firstStart.plus(Duration.ofHours(2)))) {
            open.deployments++;
            return open;
        }
        if (open != null) {
            open.write();
        }
        Change change = events.new Change(service, type, start);
        openChanges.put(key, change);
        return change;
    }

    /** Writes the changes still open (at the end of a month). */
    private void closeOpenChanges() throws IOException {
        for (Change open : openChanges.values()) {
            open.write();
        }
        openChanges.clear();
    }
}
