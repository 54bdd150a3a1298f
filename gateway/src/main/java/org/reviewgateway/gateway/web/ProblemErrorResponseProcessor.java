package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Turns every error the framework produces (bad JSON, wrong media type, too large, no route) into
 * a problem. The framework's own messages are not used: a parser error quotes the input, and the
 * input may hold an e-mail address.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext errorContext, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        return response.body(Problem.of(status, detailFor(status))).contentType(Problem.MEDIA_TYPE);
    }

    static String detailFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read: the body must be well-formed JSON of the documented shape.";
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource.";
            case NOT_ACCEPTABLE -> "This resource cannot answer in the requested media type.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is larger than 1 MiB.";
            default -> status.getCode() >= 500
                    ? "The gateway could not complete the request."
                    : status.getReason();
        };
    }
}
