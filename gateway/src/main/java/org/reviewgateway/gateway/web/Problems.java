package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Builds problem responses for statuses the framework or a filter decides. */
public final class Problems {

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .body(problem)
                .contentType(Problem.MEDIA_TYPE);
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail) {
        return response(Problem.of(status, detail));
    }
}
