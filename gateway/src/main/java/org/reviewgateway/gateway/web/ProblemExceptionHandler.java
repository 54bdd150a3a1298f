package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
/** Answers every {@link DomainException} with its problem: the edge, where domain conditions become HTTP. */
public class ProblemExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DomainException exception) {
        MutableHttpResponse<Problem> response = Problems.response(Problems.of(exception));
        return exception.retryAfter() == null ? response
                : response.header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfter().toSeconds()));
    }
}
