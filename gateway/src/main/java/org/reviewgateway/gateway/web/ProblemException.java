package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.util.List;

/**
 * A failure that becomes a problem response. Feature packages subclass it with a condition name;
 * the message is the problem's detail, so it must never contain personal data.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<Problem.FieldError> errors;

    public ProblemException(HttpStatus status, String type, String detail) {
        this(status, type, detail, null);
    }

    public ProblemException(HttpStatus status, String type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.errors = errors;
    }

    public Problem toProblem() {
        return new Problem(type, status.getReason(), status.getCode(), getMessage(), errors);
    }

    public HttpStatus status() {
        return status;
    }

    /** When to try again, for a Retry-After header; null when retrying will not help. */
    public Duration retryAfter() {
        return null;
    }
}
