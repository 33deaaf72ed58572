package com.releaseledger.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.releaseledger.kernel.Sha256;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a request to the API through only with {@code Authorization: Bearer <token>}, the token being the one
 * {@code RELEASE_LEDGER_API_TOKEN} gave {@code serve --http}; else 401 with a JSON error. The comparison is of the
 * two tokens' SHA-256 digests with {@link MessageDigest#isEqual}, in constant time whatever their lengths. The health
 * check is open, for load balancers: it tells nothing but that the engine and its database are up.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    static final String HEALTH = "/api/v1/health";

    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    BearerTokenFilter(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("the HTTP endpoint does not start without a bearer token");
        }
        this.expected = digest(token);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return HEALTH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            unauthorized(response, "this endpoint needs the header Authorization: Bearer <RELEASE_LEDGER_API_TOKEN>");
            return;
        }
        if (!MessageDigest.isEqual(expected, digest(header.substring(BEARER.length()).trim()))) {
            unauthorized(response, "the bearer token is not the one this engine was started with");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void unauthorized(HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"release-ledger\"");
        ApiError.write(response, HttpStatus.UNAUTHORIZED, message);
    }

    private static byte[] digest(String token) {
        return Sha256.of(token.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }
}
