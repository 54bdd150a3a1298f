package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        MutableHttpResponse<Problem> response = Problems.response(exception.toProblem());
        return exception.retryAfter() == null ? response
                : response.header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfter().toSeconds()));
    }
}
