package org.reviewgateway.gateway.web;

import java.time.Duration;
import java.util.List;

/**
 * A rule of the domain refused the request. It names the condition, not an HTTP status: the one
 * mapping to problem responses is {@link ProblemRoutes} (and {@link Problems#of}). The
 * message is the problem's detail, so it must never contain personal data.
 */
public class DomainException extends RuntimeException {

    /** The conditions a feature may report; {@link Problems#statusOf} says how each is answered. */
    public enum Condition {
        /** The body could not be read. */
        MALFORMED,
        /** Well-formed, but fields break the contract (each named in errors). */
        INVALID,
        /** The caller could not prove who it is (a webhook's signature is missing or wrong). */
        UNAUTHENTICATED,
        /** Unknown, or another merchant's. */
        NOT_FOUND,
        /** Contradicts what is stored (a repeat with another body, a second review, a suppressed address). */
        CONFLICT,
        /** More than one request may carry. */
        TOO_LARGE,
        /** Over a limit for now. */
        LIMITED,
        /** The gateway cannot do it now (sending paused, too many exports). */
        UNAVAILABLE,
        /** A server the gateway depends on refused (the mail server). */
        REFUSED_UPSTREAM
    }

    private final Condition condition;
    private final String type;
    private final List<Problem.FieldError> errors;

    public DomainException(Condition condition, String type, String detail) {
        this(condition, type, detail, null);
    }

    public DomainException(Condition condition, String type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.condition = condition;
        this.type = type;
        this.errors = errors;
    }

    public Condition condition() {
        return condition;
    }

    public String type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** When to try again, for a Retry-After header; null when retrying will not help. */
    public Duration retryAfter() {
        return null;
    }
}
