/**
 * The deployment gate over HTTP ({@code serve --http PORT}, DESIGN.md section 9): {@code POST
 * /api/v1/jobs/{job}/gate} for pipelines that have no Java, behind a bearer token, and {@code GET /api/v1/health}.
 * Its beans exist only in the engine that {@code serve --http} starts ({@code release-ledger.http.enabled}); every
 * other command starts without a web server.
 */
@ApplicationModule(allowedDependencies = {"analysis", "kernel", "scheduling"})
package com.releaseledger.http;

import org.springframework.modulith.ApplicationModule;
