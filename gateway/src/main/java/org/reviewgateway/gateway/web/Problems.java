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

    /** The one mapping of domain conditions to HTTP statuses. */
    public static HttpStatus statusOf(DomainException.Condition condition) {
        return switch (condition) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case REFUSED_UPSTREAM -> HttpStatus.BAD_GATEWAY;
        };
    }

    /** The problem a refused request is answered with. */
    public static Problem of(DomainException refusal) {
        HttpStatus status = statusOf(refusal.condition());
        return new Problem(refusal.type(), status.getReason(), status.getCode(), refusal.getMessage(), refusal.errors());
    }
}
