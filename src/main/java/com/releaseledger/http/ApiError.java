package com.releaseledger.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * An error as the API answers it: {@code {"error": "bad_request", "status": 400, "message": "..."}}, a sentence
 * for the person reading the pipeline's log, never a stack trace.
 */
final class ApiError extends RuntimeException {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpStatus status;

    ApiError(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static Map<String, Object> body(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", status.name().toLowerCase(java.util.Locale.ROOT));
        body.put("status", status.value());
        body.put("message", message);
        return body;
    }

    static ResponseEntity<Map<String, Object>> response(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status, message));
    }

    /** Writes the error straight to the servlet response, for a filter that answers before Spring MVC does. */
    static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body(status, message)));
    }
}
