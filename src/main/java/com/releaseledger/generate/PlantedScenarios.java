package com.releaseledger.generate;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

import com.releaseledger.generate.Events.Change;
import com.releaseledger.generate.Organisation.Service;

/**
 * Every governance rule RL01-RL15 planted each month (one method per rule), with the near misses beside them that
 * must not be findings (an emergency in a blackout, a release under a valid exception), and a service missing from
 * {@code services.csv}. The services take turns month by month, so each month's findings name others.
 */
final class PlantedScenarios {

    private final Chance chance;
    private final Organisation organisation;
    private final Events events;
    private YearMonth month;
    private Service budgeted;
    private Service manual;
    private Service frozen;
    private Service a;
    private Service b;
    private Service c;

    PlantedScenarios(Chance chance, Organisation organisation, Events events) {
        this.chance = chance;
        this.organisation = organisation;
        this.events = events;
    }

    /** Plants the scenarios of the {@code m}-th month generated, in this order (the draws depend on it). */
    void plant(YearMonth month, int m) throws IOException {
        List<Service> services = organisation.services();
        this.month = month;
        budgeted = services.get(0);   // tier 1, tight SLO
        manual = services.get(1);     // rolls back by hand
        frozen = services.get(2);     // covered by the monthly maintenance blackout
        int n = services.size();
        a = services.get((3 + m) % n);
        b = services.get((4 + m) % n);
        c = services.get((5 + m) % n);
        rl13ReleaseDuringExhaustedBudget();
        rl01DeploymentWithoutChange();
        rl02DeployedBeforeApproval();
        rl03DeployedRejectedChange();
        rl04SelfApproval();
        rl05ApproverDeployed();
        rl06CabApprovalMissing();
        rl07BlackoutDeployment();
        rl08OutsideChangeWindow();
        rl09EmergencyReviewOverdue();
        rl10InvalidException();
        rl11PostmortemOverdue();
        rl12AndRl14RolledBackClosedSuccessfulNeverReviewed();
        rl15ManualRollbackWithoutTestEvidence();
        unknownService();
        if (m == 0) {
            incidentNeverResolved();
        }
        incidentOpenAtTheMonthEnd();
    }

    /**
     * A forgotten ticket: a severity-4 incident without customer impact, opened in the first month and never
     * resolved. It spends no budget, and every later period lists it as a stale incident (a data-quality item).
     */
    private void incidentNeverResolved() throws IOException {
        Instant started = organisation.local(month.atDay(20), 16, 10);
        events.writeIncident(c, 4, started, started.plusSeconds(240), started.plusSeconds(1500), null, null, null,
                false, null);
    }

    /** An outage that starts ten minutes before the month ends and is resolved twenty minutes after: open at the end. */
    private void incidentOpenAtTheMonthEnd() throws IOException {
        Instant started = organisation.local(month.plusMonths(1).atDay(1), 0, 0).minus(Duration.ofMinutes(10));
        events.writeIncident(frozen, 3, started, started.plusSeconds(60), started.plusSeconds(180),
                started.plus(Duration.ofMinutes(30)), null, null, true, null);
    }

    /** A ninety-minute customer-facing outage on the 2nd spends the month's budget; a routine release follows. */
    private void rl13ReleaseDuringExhaustedBudget() throws IOException {
        Instant outage = organisation.local(month.atDay(2), 10, 0);
        events.writeIncident(budgeted, 1, outage, outage.plusSeconds(120), outage.plusSeconds(600),
                outage.plus(Duration.ofMinutes(90)), null, null, true, outage.plus(Duration.ofDays(3)));
        planted(budgeted, 4, 14, "normal", change -> {
        }, "succeeded", true);
    }

    /** Twice: no change at all, and a change id that no ticket has. */
    private void rl01DeploymentWithoutChange() throws IOException {
        Instant noChange = organisation.local(month.atDay(6), 11, 0);
        events.deployment(a, "production", "succeeded", noChange, noChange.plus(Duration.ofMinutes(12)), null, null,
                false, true);
        Instant unknownChange = organisation.local(month.atDay(6), 15, 0);
        Change ghost = events.new Change(b, "normal", unknownChange);
        events.deployment(b, "production", "succeeded", unknownChange, unknownChange.plus(Duration.ofMinutes(9)),
                ghost, null, false, true); // the ticket is never written
    }

    /** Approved two hours after the deployment started. */
    private void rl02DeployedBeforeApproval() throws IOException {
        planted(c, 7, 11, "normal", change -> change.approvedAt = change.plannedStart.plus(Duration.ofHours(2)),
                "succeeded", true);
    }

    /** A rejected change deployed anyway. */
    private void rl03DeployedRejectedChange() throws IOException {
        planted(a, 8, 10, "normal", change -> change.status = "rejected", "succeeded", true);
    }

    /** The requester approved their own change (other case and spacing in the approver list). */
    private void rl04SelfApproval() throws IOException {
        planted(b, 9, 10, "normal", change -> {
            change.requestedBy = "Priya Shah";
            change.approvedBy = " PRIYA SHAH ;Tom Baker";
        }, "succeeded", true);
    }

    /** The approver deployed it. */
    private void rl05ApproverDeployed() throws IOException {
        Change approverDeployed = events.new Change(c, "normal", organisation.local(month.atDay(9), 14, 0));
        approverDeployed.approvedBy = "Tom Baker";
        Instant start = organisation.local(month.atDay(9), 14, 0);
        events.deployment(c, "production", "succeeded", start, start.plus(Duration.ofMinutes(8)), approverDeployed,
                null, false, true, " tom baker");
        approverDeployed.outcome = "successful";
        approverDeployed.write();
    }

    /** A critical normal change approved by delegation, not by the CAB. */
    private void rl06CabApprovalMissing() throws IOException {
        planted(a, 12, 10, "normal", change -> {
            change.risk = "critical";
            change.approvalType = "delegated";
        }, "succeeded", true);
    }

    /** A routine release inside the maintenance blackout; beside it an emergency and a valid exception (no findings). */
    private void rl07BlackoutDeployment() throws IOException {
        planted(frozen, 20, 22, "normal", change -> {
        }, "succeeded", true);
        planted(frozen, 20, 23, "emergency", change -> {
        }, "succeeded", true);
        String validException = "EXC-" + month + "-OK";
        planted(organisation.services().get(3), 20, 21, "normal", change -> change.exceptionId = validException,
                "succeeded", true);
        events.exception(validException, "Vendor-mandated patch during maintenance", "Helen Brooks",
                organisation.local(month.atDay(18), 9, 0), organisation.local(month.atDay(25), 9, 0));
    }

    /** The deployment ran past the end of its approved window. */
    private void rl08OutsideChangeWindow() throws IOException {
        planted(b, 13, 16, "normal", change -> change.plannedEnd = change.plannedStart.plus(Duration.ofMinutes(20)),
                "succeeded", true);
    }

    /** An emergency change never reviewed. */
    private void rl09EmergencyReviewOverdue() throws IOException {
        planted(c, 13, 9, "emergency", change -> change.reviewCompleted = null, "succeeded", true);
    }

    /** An exception that had expired, one that spans too long, and one that does not exist. */
    private void rl10InvalidException() throws IOException {
        String expired = "EXC-" + month + "-EXPIRED";
        events.exception(expired, "Temporary waiver", "Marcus Reid", organisation.local(month.atDay(1), 9, 0),
                organisation.local(month.atDay(5), 9, 0));
        String tooLong = "EXC-" + month + "-LONG";
        events.exception(tooLong, "Open-ended waiver", "Marcus Reid", organisation.local(month.atDay(1), 9, 0),
                organisation.local(month.atDay(1), 9, 0).plus(Duration.ofDays(45)));
        planted(a, 14, 10, "normal", change -> change.exceptionId = expired, "succeeded", true);
        planted(b, 14, 11, "normal", change -> change.exceptionId = tooLong, "succeeded", true);
        planted(c, 14, 12, "normal", change -> change.exceptionId = "EXC-" + month + "-MISSING", "succeeded", true);
    }

    /** A severity-2 incident whose postmortem came thirteen days after it was resolved. */
    private void rl11PostmortemOverdue() throws IOException {
        Instant sev2 = organisation.local(month.atDay(15), 13, 0);
        events.writeIncident(a, 2, sev2, sev2.plusSeconds(300), sev2.plusSeconds(900), sev2.plus(Duration.ofHours(2)),
                null, null, true, sev2.plus(Duration.ofDays(13)));
    }

    /** Rolled back, yet closed as successful (RL12), and never reviewed (RL14). */
    private void rl12AndRl14RolledBackClosedSuccessfulNeverReviewed() throws IOException {
        planted(b, 16, 15, "normal", change -> change.reviewCompleted = null, "rolled_back", true);
    }

    /** A service that rolls back by hand, deployed without test evidence. */
    private void rl15ManualRollbackWithoutTestEvidence() throws IOException {
        planted(manual, 18, 10, "standard", change -> {
        }, "succeeded", false);
    }

    /** A service missing from services.csv: a data-quality item. */
    private void unknownService() throws IOException {
        Service unknown = new Service("legacy-reporting", "team-none", 3, "", "automated", "Ana Souza", false,
                DayOfWeek.MONDAY, new String[] {"Ana Souza"});
        planted(unknown, 19, 10, "standard", change -> {
        }, "succeeded", true);
    }

    /** A production deployment at hh:05 on the day, with its change shaped for the rule, closed as successful. */
    private void planted(Service service, int day, int hour, String type, Consumer<Change> shape, String status,
            boolean evidence) throws IOException {
        Instant start = organisation.local(month.atDay(day), hour, 5);
        Change change = events.new Change(service, type, start);
        shape.accept(change);
        Instant finished = start.plus(Duration.ofMinutes(25));
        events.deployment(service, "production", status, start, finished, change, null, "emergency".equals(type),
                evidence);
        change.implementedBy = chance.pick(service.engineers());
        change.outcome = "successful"; // RL12 where the deployment was rolled back
        change.write();
    }
}
