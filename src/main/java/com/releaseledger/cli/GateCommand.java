package com.releaseledger.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.releaseledger.analysis.GateService;
import com.releaseledger.kernel.BadInputException;
import com.releaseledger.kernel.Instants;
import com.releaseledger.scheduling.JobFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code release-ledger gate JOBFILE --service S --environment E ...}: may this deployment start? The job's
 * controls, judged before the deployment as the analysis would judge it after (DESIGN.md section 9).
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Judge a deployment about to start against the job's controls (RL01-RL08, RL10, RL13, RL15), "
                + "as the analysis would judge it, and store the decision: allow, or block when a failing control's "
                + "severity is among the policy's gate_blocking_severities (default high).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:allow (or a block overridden)", "1:failure", "2:bad input (a wrong job file or time)",
                "3:block"})
final class GateCommand implements Callable<Integer> {

    static final int BLOCK = 3;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Parameters(index = "0", paramLabel = "JOBFILE", description = "The job file whose policy applies (jobs/*.yml).")
    Path jobFile;

    @Option(names = "--service", required = true, paramLabel = "S", description = "The service to deploy.")
    String service;

    @Option(names = "--environment", required = true, paramLabel = "E",
            description = "Where it goes; an environment that is not production is allowed with no control judged.")
    String environment;

    @Option(names = "--change", paramLabel = "C", description = "The change it ships.")
    String change;

    @Option(names = "--deployed-by", paramLabel = "P", description = "Who deploys it.")
    String deployedBy;

    @Option(names = "--at", paramLabel = "TS",
            description = "When it starts (default now; without an offset, in the job's reporting zone).")
    String at;

    @Option(names = "--hotfix", description = "It is a hotfix (allowed while the error budget is spent).")
    boolean hotfix;

    @Option(names = "--test-evidence", paramLabel = "URL",
            description = "Its test evidence (RL15: a service that rolls back by hand needs it).")
    String testEvidence;

    @Option(names = "--override-by", paramLabel = "P",
            description = "Override a block: who takes it (not the deployer, not the change's requester).")
    String overrideBy;

    @Option(names = "--override-reason", paramLabel = "TEXT", description = "Why the block is overridden.")
    String overrideReason;

    @Option(names = "--json", description = "Print the decision as JSON, for pipelines to archive.")
    boolean json;

    @Override
    public Integer call() {
        JobFile job = JobFile.load(jobFile);
        if ((overrideBy == null) != (overrideReason == null)) {
            throw new BadInputException("--override-by and --override-reason go together");
        }
        Instant when = Instants.parseOrNow("--at", at, job.reportingZone());
        GateService.Decision decision;
        try (Ledger ledger = Ledger.open(database)) {
            decision = ledger.get(GateService.class).decide(job.gateRequest(service, environment, change, deployedBy,
                    when, hotfix, testEvidence, overrideBy, overrideReason));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(decision.asMap()));
        } else {
            print(out, decision, when);
        }
        out.flush();
        return decision.decision().equals("allow") ? Cli.OK : BLOCK;
    }

    private void print(PrintWriter out, GateService.Decision decision, Instant when) {
        out.printf("gate: %s to %s at %s%s%n", service, environment, when,
                change == null ? "" : ", change " + change);
        if (!decision.production()) {
            out.printf("%s is not a production environment: allowed, no control judged%n", environment);
        } else {
            out.printf("%-6s %-40s %-6s %-8s %s%n", "rule", "control", "result", "severity", "reason");
            for (GateService.Control control : decision.controls()) {
                out.printf("%-6s %-40s %-6s %-8s %s%n", control.ruleId(), control.name(), control.result(),
                        control.severity(), control.reason());
            }
        }
        if (decision.overrideRefused() != null) {
            out.println("override refused: " + decision.overrideRefused());
        }
        out.printf("decision %d: %s%s%n", decision.decisionId(), decision.decision().toUpperCase(java.util.Locale.ROOT),
                decision.overridden() ? " (a block overridden by " + overrideBy.trim() + ": " + overrideReason + ")" : "");
    }
}
