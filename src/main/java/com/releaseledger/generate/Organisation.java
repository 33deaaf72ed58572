package com.releaseledger.generate;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.releaseledger.ingest.Kind;

/**
 * The organisation the generator invents: its teams and services (tiers, SLOs, rollback, the engineers who work on
 * each, whether it ships in a weekly release train) and its blackouts (a maintenance freeze each month on two
 * services, a quarter-end freeze for all). Written as {@code services.csv} and {@code blackouts.csv}.
 */
final class Organisation {

    private static final String[] TEAMS = {"payments", "checkout", "search", "identity", "platform", "catalog",
            "fulfilment", "messaging", "billing", "mobile", "growth", "data"};
    private static final String[] SUFFIXES = {"api", "web", "worker", "db", "gateway", "events", "jobs", "cache"};
    private static final String[] ENGINEERS = {"Ana Souza", "Ben Carter", "Chloe Martin", "Dev Patel", "Eva Novak",
            "Femi Adeyemi", "Grace Liu", "Hiro Tanaka", "Ines Garcia", "Jonas Berg", "Kira Ivanova", "Liam Walsh",
            "Maya Cohen", "Nina Rossi", "Omar Haddad", "Paula Silva", "Quinn Murphy", "Ravi Kumar", "Sara Lind",
            "Tariq Aziz", "Uma Nair", "Victor Hugo", "Wen Zhao", "Yusuf Demir"};

    record Service(String name, String team, int tier, String slo, String rollback, String owner, boolean train,
            DayOfWeek trainDay, String[] engineers) {
    }

    record Blackout(String id, Instant starts, Instant ends, List<String> services, String reason) {
        boolean covers(String service, Instant at) {
            return !at.isBefore(starts) && at.isBefore(ends) && (services.isEmpty() || services.contains(service));
        }
    }

    private final GeneratorSettings settings;
    private final List<Service> services = new ArrayList<>();
    private final List<Blackout> blackouts = new ArrayList<>();

    private Organisation(GeneratorSettings settings) {
        this.settings = settings;
    }

    /** Invents the organisation and writes its reference files. */
    static Organisation make(GeneratorSettings settings, Chance chance, SourceWriters writers) throws IOException {
        Organisation organisation = new Organisation(settings);
        organisation.makeServices(chance, writers);
        organisation.makeBlackouts(writers);
        return organisation;
    }

    List<Service> services() {
        return services;
    }

    boolean inBlackout(String service, Instant at) {
        return blackouts.stream().anyMatch(blackout -> blackout.covers(service, at));
    }

    /** A local time of the organisation's zone. */
    Instant local(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(settings.zone()).toInstant();
    }

    private void makeServices(Chance chance, SourceWriters writers) throws IOException {
        try (SourceWriters.CsvFile file = writers.csv("services.csv", Kind.SERVICES)) {
            for (int i = 0; i < settings.services(); i++) {
                String team = TEAMS[i % settings.teams()];
                int round = i / settings.teams();
                String name = team + "-" + SUFFIXES[round % SUFFIXES.length]
                        + (round >= SUFFIXES.length ? "-" + (round / SUFFIXES.length + 1) : "");
                // service 0 is tier 1 with a tight SLO (its budget is spent each month); service 1 rolls back by hand
                int tier = i == 0 ? 1 : 1 + chance.weightedIndex(new int[] {30, 45, 25});
                String slo = switch (tier) {
                    case 1 -> i % 3 == 0 ? "99.9" : "99.95";
                    case 2 -> "99.5";
                    default -> chance.nextInt(3) == 0 ? "" : "99";
                };
                String rollback = i == 1 || chance.percent(12) ? "manual" : "automated";
                String[] engineers = new String[4];
                for (int e = 0; e < engineers.length; e++) {
                    engineers[e] = ENGINEERS[(i * 3 + e * 7) % ENGINEERS.length];
                }
                Service service = new Service(name, "team-" + team, tier, slo, rollback, engineers[0],
                        chance.nextInt(4) == 0, DayOfWeek.of(2 + chance.nextInt(3)), engineers);
                services.add(service);
                file.write(Row.of(Kind.SERVICES).set("service", name).set("team", service.team()).set("tier", tier)
                        .set("slo_target", slo).set("rollback", rollback).set("owner", service.owner()));
            }
            if (settings.malformedShare() > 0) {
                // an optional value that is invalid: the row is kept, the value ignored (a data-quality item)
                file.write(Row.of(Kind.SERVICES).set("service", "reporting-batch").set("team", "team-" + TEAMS[0])
                        .set("tier", "four").set("slo_target", "n/a").set("rollback", "sometimes")
                        .set("owner", "Ana Souza"));
            }
        }
    }

    private void makeBlackouts(SourceWriters writers) throws IOException {
        for (int m = 0; m < settings.months(); m++) {
            YearMonth month = settings.firstMonth().plusMonths(m);
            List<String> covered = List.of(services.get(2).name(), services.get(3).name());
            blackouts.add(new Blackout("BLK-" + month + "-MAINT", local(month.atDay(20), 18, 0),
                    local(month.atDay(21), 6, 0), covered, "Datacentre network maintenance"));
            if (month.getMonthValue() % 3 == 0) {
                blackouts.add(new Blackout("BLK-" + month + "-QEND", local(month.atEndOfMonth().minusDays(2), 0, 0),
                        local(month.plusMonths(1).atDay(1), 6, 0), List.of(), "Quarter-end freeze"));
            }
        }
        try (SourceWriters.CsvFile file = writers.csv("blackouts.csv", Kind.BLACKOUTS)) {
            for (Blackout blackout : blackouts) {
                file.write(Row.of(Kind.BLACKOUTS).set("blackout_id", blackout.id())
                        .set("starts_at", Events.time(blackout.starts(), settings.zone()))
                        .set("ends_at", Events.time(blackout.ends(), settings.zone()))
                        .set("services", String.join(";", blackout.services())).set("reason", blackout.reason()));
            }
        }
    }
}
