package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.Optional;

/** Reads {@code Authorization: Bearer <token>}. */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    public static Optional<String> of(HttpRequest<?> request) {
        return request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .filter(value -> value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
                .map(value -> value.substring(SCHEME.length()).trim())
                .filter(token -> !token.isEmpty());
    }
}
