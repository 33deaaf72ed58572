package com.releaseledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.releaseledger.support.LedgerIntegrationTest;
import com.releaseledger.support.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code serve --http} as a pipeline meets it, the engine in a process of its own: the gate over HTTP with its
 * status codes (200 allow, 409 block, 400 bad input, 401 without the token, 404, 405, 413), the health check, the
 * refusal to start without a token, and the scheduler still running the jobs' due periods in the same engine.
 */
class ServeHttpIntegrationTests extends LedgerIntegrationTest {

    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final String GATE_JOB = "job: gate-test\nsources:\n  - kind: changes\n    path: changes.csv\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SERVING = Pattern.compile("serving the deployment gate on http://[^:]+:(\\d+)/");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theGateAnswersOverHttpWithTheStatusAPipelineActsOn() throws Exception {
        Files.writeString(dir.resolve("changes.csv"), """
                change_id,type,risk,service,status,requested_by,created_at,approved_by,approval_type,approved_at
                CHG-1,standard,low,svc-a,closed,Req,2026-09-01T00:00:00Z,Approver,delegated,2026-09-02T00:00:00Z
                """);
        Files.writeString(dir.resolve("gate.yml"), GATE_JOB);
        assertThat(cli("ingest", "--kind", "changes", dir.resolve("changes.csv").toString())).isZero();
        Path log = dir.resolve("serve.log");
        Process engine = startEngine(Map.of("RELEASE_LEDGER_API_TOKEN", TOKEN), log, "serve", "--http", "0",
                dir.resolve("gate.yml").toString());
        try {
            String base = "http://127.0.0.1:" + port(engine, log) + "/api/v1";
            String gate = base + "/jobs/gate-test/gate";

            // the health check needs no token
            HttpResponse<String> health = get(base + "/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json(health).path("status").stringValue()).isEqualTo("up");
            assertThat(json(health).path("database").stringValue()).isEqualTo("up");

            // a known, approved standard change: every control passes, 200
            HttpResponse<String> allow = post(gate, TOKEN, """
                    {"service": "svc-a", "environment": "production", "change_id": "CHG-1", "deployed_by": "bot",
                     "at": "2026-10-20T10:00:00Z", "is_hotfix": false}""");
            assertThat(allow.statusCode()).as(allow.body()).isEqualTo(200);
            JsonNode allowed = json(allow);
            assertThat(allowed.path("decision").stringValue()).isEqualTo("allow");
            assertThat(allowed.path("overridden").booleanValue()).isFalse();
            assertThat(allowed.path("controls")).hasSize(11);
            allowed.path("controls").forEach(c -> assertThat(c.path("result").stringValue()).isEqualTo("pass"));
            assertThat(allowed.path("decision_id").isNumber()).isTrue();

            // no change: RL01 (high) fails, 409
            HttpResponse<String> block = post(gate, TOKEN, """
                    {"service": "svc-a", "environment": "production", "deployed_by": "bot",
                     "at": "2026-10-20T10:00:00Z"}""");
            assertThat(block.statusCode()).as(block.body()).isEqualTo(409);
            JsonNode blocked = json(block);
            assertThat(blocked.path("decision").stringValue()).isEqualTo("block");
            assertThat(failing(blocked)).containsExactly("RL01");
            assertThat(blocked.path("controls").get(0).path("reason").stringValue())
                    .isEqualTo("this deployment has no known change (none)");

            // overridden by someone else: 200, said so; by the deployer: still 409, with why
            HttpResponse<String> overridden = post(gate, TOKEN, """
                    {"service": "svc-a", "environment": "production", "deployed_by": "bot",
                     "at": "2026-10-20T10:00:00Z", "override_by": "Rita", "override_reason": "fix for INC-7"}""");
            assertThat(overridden.statusCode()).isEqualTo(200);
            assertThat(json(overridden).path("overridden").booleanValue()).isTrue();
            HttpResponse<String> byDeployer = post(gate, TOKEN, """
                    {"service": "svc-a", "environment": "production", "deployed_by": "bot",
                     "at": "2026-10-20T10:00:00Z", "override_by": "bot", "override_reason": "me"}""");
            assertThat(byDeployer.statusCode()).isEqualTo(409);
            assertThat(json(byDeployer).path("override_refused").stringValue())
                    .isEqualTo("bot is the deployer, who may not override the gate");

            // bad input: 400 with a sentence that names what is wrong, never a stack trace
            assertError(post(gate, TOKEN, "{\"service\": \"svc-a\","), 400, "the body is not valid JSON");
            assertError(post(gate, TOKEN, "[1, 2]"), 400, "the body must be a JSON object");
            assertError(post(gate, TOKEN, "{\"service\": \"svc-a\", \"environment\": \"production\", \"change\": "
                    + "\"CHG-1\"}"), 400,
                    "unknown key \"change\"; the keys are at, change_id, deployed_by, environment, is_hotfix, job");
            assertError(post(gate, TOKEN, "{\"service\": \"svc-a\", \"environment\": \"production\", \"is_hotfix\": "
                    + "\"yes\"}"), 400, "is_hotfix must be true or false, not \"yes\"");
            assertError(post(gate, TOKEN, "{\"service\": \"svc-a\", \"service\": \"svc-b\", \"environment\": \"p\"}"),
                    400, "Duplicate Object property \"service\"");
            assertError(post(gate, TOKEN, "{\"environment\": \"production\"}"), 400,
                    "service and environment are required");
            assertError(post(gate, TOKEN, "{\"service\": \"svc-a\", \"environment\": \"production\", \"at\": "
                    + "\"tomorrow\"}"), 400, "at \"tomorrow\" is not an ISO-8601 date-time");
            assertError(post(gate, TOKEN, "{\"service\": \"svc-a\", \"environment\": \"production\", "
                    + "\"override_by\": \"Rita\"}"), 400, "an override needs both who takes it and why");

            // the token: none, another, or not a bearer one: 401
            assertError(post(gate, null, "{}"), 401, "needs the header Authorization: Bearer");
            assertError(post(gate, TOKEN + "x", "{}"), 401, "not the one this engine was started with");
            assertError(post(gate, TOKEN.substring(1), "{}"), 401, "not the one this engine was started with");
            HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create(gate))
                    .header("Authorization", "Basic " + TOKEN).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertError(basic, 401, "needs the header Authorization: Bearer");
            assertThat(basic.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"release-ledger\"");

            // an oversized body, declared or streamed without a length: 413, and nothing stored
            String huge = "{\"service\": \"" + "s".repeat(70 * 1024) + "\", \"environment\": \"production\"}";
            assertError(post(gate, TOKEN, huge), 413, "the request body is over 64 KiB");
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(gate))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertError(chunked, 413, "the request body is over 64 KiB");

            // the single gate URL: the only job served, or the one the body names (and not another)
            HttpResponse<String> single = post(base + "/gate", TOKEN, "{\"service\": \"svc-a\", \"environment\": "
                    + "\"staging\"}");
            assertThat(single.statusCode()).isEqualTo(200);
            assertThat(json(single).path("job").stringValue()).isEqualTo("gate-test");
            assertError(post(base + "/gate", TOKEN, "{\"job\": \"other\", \"service\": \"a\", \"environment\": "
                    + "\"b\"}"), 404, "no job other is served here");
            assertError(post(gate, TOKEN, "{\"job\": \"other\", \"service\": \"a\", \"environment\": \"b\"}"),
                    400, "the body names job other, the path job gate-test");

            // a job the engine does not serve, a path it does not answer, a method the gate does not take
            assertError(post(base + "/jobs/other/gate", TOKEN, "{\"service\": \"a\", \"environment\": \"b\"}"), 404,
                    "no job other is served here; the jobs served are gate-test");
            assertError(get(base + "/nothing", TOKEN), 404, "no such endpoint");
            assertError(get(gate, TOKEN), 405, "GET is not answered here; use POST");

            // every decision is in the ledger, the refused override too; nothing of the refused requests
            assertThat(jdbc.queryForList("SELECT decision || ' ' || overridden FROM gate_decision ORDER BY decision_id",
                    String.class)).containsExactly("allow false", "block false", "allow true", "block false",
                            "allow false");
        } finally {
            engine.destroy(); // SIGTERM: the web server stops with the engine
            assertThat(engine.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(engine.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).doesNotContain("\tat ", "Exception");
    }

    @Test
    void withoutATokenTheEndpointDoesNotStart() throws Exception {
        Files.writeString(dir.resolve("changes.csv"), "change_id,type\n");
        Files.writeString(dir.resolve("gate.yml"), GATE_JOB);

        Process none = startEngine(Map.of(), dir.resolve("none.log"), "serve", "--http", "0",
                dir.resolve("gate.yml").toString());
        assertThat(none.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(none.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("none.log")).strip()).isEqualTo("release-ledger: serve --http needs a "
                + "bearer token in RELEASE_LEDGER_API_TOKEN: the HTTP endpoint does not start without one");

        Process weak = startEngine(Map.of("RELEASE_LEDGER_API_TOKEN", "secret"), dir.resolve("weak.log"), "serve",
                "--http", "0", dir.resolve("gate.yml").toString());
        assertThat(weak.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(weak.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("weak.log"))).contains("RELEASE_LEDGER_API_TOKEN is shorter than 16");

        // a port another process holds: a failure in one sentence, not Spring Boot's start-up report
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Process busy = startEngine(Map.of("RELEASE_LEDGER_API_TOKEN", TOKEN), dir.resolve("busy.log"), "serve",
                    "--http", String.valueOf(taken.getLocalPort()), dir.resolve("gate.yml").toString());
            assertThat(busy.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(busy.exitValue()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("busy.log")).strip()).isEqualTo("release-ledger: port "
                    + taken.getLocalPort() + " is already in use: stop what listens there, or give --http another"
                    + " port (--verbose shows details)");
        }
    }

    /** The batch engine keeps working beside the web server: the scheduled job's missed periods run at start. */
    @Test
    void theSchedulerRunsTheJobsDuePeriodsWhileTheGateAnswers() throws Exception {
        Files.writeString(dir.resolve("services.csv"), "service,team\nsvc-a,team-1\n");
        Files.writeString(dir.resolve("deployments.csv"), """
                deployment_id,service,environment,status,started_at,finished_at
                d1,svc-a,production,succeeded,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z
                """);
        Files.writeString(dir.resolve("monthly.yml"), """
                job: monthly
                schedule:
                  cron: "0 6 1 * *"
                  zone: UTC
                  period: previous-month
                  catch_up_from: 2026-10
                reports: [scorecard]
                sources:
                  - kind: services
                    path: services.csv
                  - kind: deployments
                    path: deployments.csv
                output: out
                """);
        Path log = dir.resolve("serve.log");
        Process engine = startEngine(Map.of("RELEASE_LEDGER_API_TOKEN", TOKEN), log, "serve", "--http", "0",
                dir.resolve("monthly.yml").toString());
        try {
            String base = "http://127.0.0.1:" + port(engine, log) + "/api/v1";
            assertThat(get(base + "/health", null).statusCode()).isEqualTo(200);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
            while (System.nanoTime() < deadline && !Files.readString(log).contains("waiting for the next firing")) {
                Thread.sleep(200);
            }
            String printed = Files.readString(log);
            assertThat(printed).contains("running job monthly for 2026-10", "running job monthly for 2026-11",
                    "waiting for the next firing");
            assertThat(jdbc.queryForList("SELECT period FROM analysis_run WHERE job = 'monthly' AND trend_of IS NULL"
                    + " ORDER BY period", String.class)).containsExactly("2026-10", "2026-11");
            HttpResponse<String> staging = post(base + "/jobs/monthly/gate", TOKEN,
                    "{\"service\": \"svc-a\", \"environment\": \"staging\"}");
            assertThat(staging.statusCode()).isEqualTo(200);
            assertThat(json(staging).path("production").booleanValue()).isFalse();
            assertThat(json(staging).path("controls")).isEmpty();
        } finally {
            engine.destroy();
            assertThat(engine.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The port the engine says it serves on, once it does. */
    private static int port(Process engine, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && engine.isAlive()) {
            Matcher serving = SERVING.matcher(Files.readString(log));
            if (serving.find()) {
                return Integer.parseInt(serving.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the engine did not start serving: " + Files.readString(log));
    }

    private HttpResponse<String> post(String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json(response);
        assertThat(error.path("status").intValue()).isEqualTo(status);
        assertThat(error.path("message").stringValue()).contains(message);
        assertThat(response.body()).doesNotContain("Exception", "\\tat ", "trace");
    }

    private static List<String> failing(JsonNode decision) {
        List<String> rules = new ArrayList<>();
        decision.path("controls").forEach(c -> {
            if (c.path("result").stringValue().equals("fail")) {
                rules.add(c.path("rule_id").stringValue());
            }
        });
        return rules;
    }

    private static int cli(String... args) {
        StringWriter out = new StringWriter();
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(out, true), TestDatabase.commandLine(args));
    }
}
