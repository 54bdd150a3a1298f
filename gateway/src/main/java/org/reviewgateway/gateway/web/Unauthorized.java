package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** The 401 answer of both authentication filters. */
public final class Unauthorized {

    private Unauthorized() {
    }

    public static MutableHttpResponse<Problem> response(String detail) {
        return Problems.response(HttpStatus.UNAUTHORIZED, detail)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
