package com.releaseledger.http;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.releaseledger.kernel.BadInputException;
import com.releaseledger.kernel.Failures;

/**
 * Every error the API answers, as JSON ({@link ApiError}) and never with a stack trace: bad input 400 (what the
 * gate refused, in its words), an unknown job or path 404, a wrong method 405, a body that is not JSON 415, any
 * other failure 500 with a sentence and nothing of the engine's insides, the details in the engine's log.
 */
@RestControllerAdvice
@ConditionalOnProperty(name = HttpConfiguration.ENABLED, havingValue = "true")
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger("release-ledger");

    @ExceptionHandler(ApiError.class)
    ResponseEntity<Map<String, Object>> api(ApiError error) {
        return ApiError.response(error.status(), error.getMessage());
    }

    @ExceptionHandler(BadInputException.class)
    ResponseEntity<Map<String, Object>> badInput(BadInputException error) {
        return ApiError.response(HttpStatus.BAD_REQUEST, error.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException error) {
        return ApiError.response(HttpStatus.NOT_FOUND, "no such endpoint: the gate is POST /api/v1/jobs/{job}/gate"
                + " (or /api/v1/gate), the health check GET " + BearerTokenFilter.HEALTH);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException error) {
        String[] supported = error.getSupportedMethods() == null ? new String[0] : error.getSupportedMethods();
        return ApiError.response(HttpStatus.METHOD_NOT_ALLOWED, error.getMethod() + " is not answered here; use "
                + String.join(" or ", supported));
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeException error) {
        return ApiError.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the gate reads and answers application/json");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> failure(Exception error) {
        LOG.error("the gate failed: {}", Failures.rootMessage(error), error);
        return ApiError.response(HttpStatus.INTERNAL_SERVER_ERROR,
                "the gate could not decide; the engine's log has the details");
    }
}
