package com.releaseledger.http;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's guard, in the engine {@code serve --http} starts only: the bearer-token check on every path under
 * {@code /api/}, before Spring MVC sees the request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = HttpConfiguration.ENABLED, havingValue = "true")
class HttpConfiguration {

    /** Set by {@code serve --http}: the API's beans exist only then. */
    static final String ENABLED = "release-ledger.http.enabled";

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(@Value("${release-ledger.http.token:}") String token) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
                new BearerTokenFilter(token));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        return registration;
    }
}
