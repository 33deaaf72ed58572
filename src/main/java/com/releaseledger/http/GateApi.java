package com.releaseledger.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.releaseledger.analysis.GateService;
import com.releaseledger.kernel.EngineVersion;
import com.releaseledger.kernel.Instants;
import com.releaseledger.scheduling.JobFile;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The gate's endpoints (DESIGN.md section 9): {@code POST /api/v1/jobs/{job}/gate} takes the deployment as JSON
 * and answers the decision as {@code gate --json} prints it, with 200 for allow and 409 for block ({@code POST
 * /api/v1/gate} the same, the job named in the body); {@code GET /api/v1/health} says whether the engine and its
 * database are up.
 */
@RestController
@ConditionalOnProperty(name = HttpConfiguration.ENABLED, havingValue = "true")
class GateApi {

    /** The largest request body read: a deployment's fields are a few hundred bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final GateService gate;
    private final ServedJobs jobs;
    private final JdbcTemplate jdbc;

    GateApi(GateService gate, ServedJobs jobs, JdbcTemplate jdbc) {
        this.gate = gate;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    @PostMapping(path = "/api/v1/jobs/{job}/gate", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> gate(@PathVariable String job, HttpServletRequest request) throws IOException {
        GateRequestBody body = GateRequestBody.parse(read(request));
        if (body.job() != null && !body.job().equals(job)) {
            throw new ApiError(HttpStatus.BAD_REQUEST, "the body names job " + body.job() + ", the path job " + job);
        }
        return decide(job, body);
    }

    /**
     * The same, with the job in the body ({@code "job"}), or none when the engine serves one job only: for
     * pipelines written against a single gate URL.
     */
    @PostMapping(path = "/api/v1/gate", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> gate(HttpServletRequest request) throws IOException {
        GateRequestBody body = GateRequestBody.parse(read(request));
        if (body.job() == null && jobs.names().size() != 1) {
            throw new ApiError(HttpStatus.BAD_REQUEST, "name the job (\"job\": one of " + String.join(", ",
                    jobs.names()) + "), or ask POST /api/v1/jobs/{job}/gate");
        }
        return decide(body.job() == null ? jobs.names().get(0) : body.job(), body);
    }

    private ResponseEntity<Map<String, Object>> decide(String job, GateRequestBody body) {
        JobFile served = jobs.get(job).orElseThrow(() -> new ApiError(HttpStatus.NOT_FOUND,
                "no job " + job + " is served here; the jobs served are " + String.join(", ", jobs.names())));
        Instant at = Instants.parseOrNow("at", body.at(), served.reportingZone());
        GateService.Decision decision = gate.decide(served.gateRequest(body.service(), body.environment(),
                body.changeId(), body.deployedBy(), at, body.hotfix(), body.testEvidence(), body.overrideBy(),
                body.overrideReason()));
        Map<String, Object> answer = decision.asMap();
        answer.put("job", served.name());
        answer.put("at", at.toString());
        return ResponseEntity.status(decision.decision().equals("allow") ? HttpStatus.OK : HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    @GetMapping(path = BearerTokenFilter.HEALTH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        boolean up;
        try {
            up = Integer.valueOf(1).equals(jdbc.queryForObject("SELECT 1", Integer.class));
        } catch (RuntimeException e) {
            up = false;
        }
        health.put("status", up ? "up" : "down");
        health.put("database", up ? "up" : "unreachable");
        health.put("engine_version", EngineVersion.get());
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON).body(health);
    }

    /** The body, refused with 413 past {@link #MAX_BODY_BYTES} whether or not it declared its length. */
    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private static ApiError tooLarge() {
        return new ApiError(HttpStatus.CONTENT_TOO_LARGE,
                "the request body is over " + MAX_BODY_BYTES / 1024 + " KiB; a deployment's fields are far fewer");
    }
}
