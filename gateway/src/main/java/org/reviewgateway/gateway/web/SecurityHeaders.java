package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every answer carries: no content sniffing anywhere, and no caching of API answers, which
 * carry keys, secrets or review links (pages set their own).
 */
@ServerFilter("/**")
public class SecurityHeaders {

    @ResponseFilter
    public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        String path = request.getPath();
        if ((path.startsWith("/v1/") || path.startsWith("/admin/")) && !response.getHeaders().contains(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
