package com.releaseledger.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.boot.web.server.PortInUseException;

import com.releaseledger.http.ServedJobs;
import com.releaseledger.kernel.BadInputException;
import com.releaseledger.kernel.Failures;
import com.releaseledger.scheduling.CatchUp;
import com.releaseledger.scheduling.JobFile;
import com.releaseledger.scheduling.JobRuns;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code release-ledger serve [JOBFILE...]}: stays up and runs each scheduled job when it fires, for the period it
 * reports; on start it first catches up every period that should have run and did not (from the schedule's
 * {@code catch_up_from}), oldest first. A period that completed is never run twice. With {@code --http PORT} the same
 * engine also answers the deployment gate over HTTP for every job it was given, scheduled or not (DESIGN.md
 * section 9), behind the bearer token from {@code RELEASE_LEDGER_API_TOKEN}: without one it does not start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the scheduled jobs (jobs/*.yml with a schedule by default): catch up the periods missed, "
                + "oldest first, then run each job when its schedule fires. With --http, also answer the deployment "
                + "gate over HTTP (POST /api/v1/jobs/{job}/gate, GET /api/v1/health) for every job given.")
final class ServeCommand implements Callable<Integer> {

    /** Where the bearer token of {@code --http} comes from: an environment variable, never an argument. */
    static final String TOKEN_VARIABLE = "RELEASE_LEDGER_API_TOKEN";

    /** The shortest token taken: a guessable one would make the gate's overrides anybody's. */
    static final int MIN_TOKEN_LENGTH = 16;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    JobFileArguments jobFiles;

    @Option(names = "--once", description = "Catch up, then exit instead of waiting for the next firing.")
    boolean once;

    @Option(names = "--now", hidden = true, paramLabel = "INSTANT",
            description = "Take this instant as now (for tests and replays); implies --once.")
    Instant now;

    @Option(names = "--http", paramLabel = "PORT",
            description = "Also answer the deployment gate over HTTP on this port (0: any free port), with the "
                    + "bearer token from " + TOKEN_VARIABLE + ".")
    Integer httpPort;

    @Option(names = "--http-address", paramLabel = "HOST",
            description = "The address the HTTP endpoint listens on (default: every interface).")
    String httpAddress;

    @Override
    public Integer call() throws InterruptedException {
        List<JobFile> all = jobFiles.load();
        List<JobFile> jobs = all.stream().filter(job -> job.schedule() != null).toList();
        if (httpPort == null && jobs.isEmpty()) {
            throw new BadInputException("no job with a schedule to serve");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int worst = Cli.OK;
        try (Ledger ledger = httpPort == null ? Ledger.open(database) : openServing(all, out)) {
            JobRuns runs = ledger.get(JobRuns.class);
            while (true) {
                Instant at = now != null ? now : Instant.now().truncatedTo(ChronoUnit.SECONDS);
                for (JobFile job : jobs) {
                    for (String period : CatchUp.duePeriods(job, at, p -> runs.completedFolder(job.name(), p) != null)) {
                        if (ledger.stopping()) {
                            return worst; // SIGTERM: start nothing new
                        }
                        out.printf("%s: running job %s for %s%n", at, job.name(), period);
                        out.flush();
                        try {
                            int exit = JobExecution.run(ledger, job, period, null, null, false, null, null,
                                    database.describe(), out, err);
                            worst = Math.max(worst, exit);
                        } catch (RuntimeException e) {
                            // one job's failure does not stop the others; the period stays due and runs again
                            err.printf("release-ledger: job %s, period %s failed: %s%n", job.name(), period,
                                    Failures.rootMessage(e));
                            err.flush();
                            worst = Math.max(worst, Cli.FAILED);
                        }
                    }
                }
                if (once || now != null) {
                    return worst;
                }
                Instant next = CatchUp.nextFiring(jobs, at);
                if (next == null) {
                    // only the gate to answer: wait for SIGTERM, which stops the engine and the web server
                    Thread.sleep(Long.MAX_VALUE);
                }
                out.printf("%s: waiting for the next firing at %s%n", at, next);
                out.flush();
                Thread.sleep(Math.max(1_000, Duration.between(Instant.now(), next).toMillis()));
            }
        }
    }

    /** The engine with the web server on, once the port, the address and the token are right. */
    private Ledger openServing(List<JobFile> all, PrintWriter out) {
        if (once || now != null) {
            throw new BadInputException("--http keeps the engine up to answer the gate: it does not go with --once");
        }
        if (httpPort < 0 || httpPort > 65_535) {
            throw new BadInputException("--http " + httpPort + " is not a port (0 to 65535; 0 takes any free one)");
        }
        String token = System.getenv(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            throw new BadInputException("serve --http needs a bearer token in " + TOKEN_VARIABLE
                    + ": the HTTP endpoint does not start without one");
        }
        if (token.strip().length() < MIN_TOKEN_LENGTH) {
            throw new BadInputException(TOKEN_VARIABLE + " is shorter than " + MIN_TOKEN_LENGTH
                    + " characters: take a long random one (openssl rand -hex 32)");
        }
        ServedJobs served = new ServedJobs(all);
        Map<String, Object> web = new LinkedHashMap<>();
        web.put("server.port", httpPort);
        if (httpAddress != null) {
            web.put("server.address", httpAddress);
        }
        web.put("release-ledger.http.enabled", "true");
        web.put("release-ledger.http.token", token.strip());
        Ledger ledger;
        try {
            ledger = Ledger.openServing(database, web, served);
        } catch (RuntimeException e) {
            if (Failures.causeOf(e, PortInUseException.class).isPresent()) {
                throw new IllegalStateException("port " + httpPort + " is already in use: stop what listens there, or"
                        + " give --http another port");
            }
            throw e;
        }
        out.printf("serving the deployment gate on http://%s:%d/api/v1/jobs/{job}/gate for %s (health: "
                + "/api/v1/health)%n", httpAddress == null ? "0.0.0.0" : httpAddress, ledger.httpPort(),
                String.join(", ", served.names()));
        out.flush();
        return ledger;
    }
}
