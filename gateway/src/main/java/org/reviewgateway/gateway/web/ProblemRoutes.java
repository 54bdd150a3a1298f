package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The edge where domain conditions become HTTP: every {@link DomainException} answered with its problem, and the
 * framework's "no such route" with a 404 problem. Global error routes rather than exception handlers, because the
 * router finds an error route directly, while an exception handler is looked up among all beans on every error (that
 * look-up was most of a 404's cost, so a flood of bad requests cost more than good ones).
 */
@Hidden
@Controller
class ProblemRoutes {

    @Error(global = true, exception = DomainException.class)
    HttpResponse<Problem> refused(DomainException exception) {
        MutableHttpResponse<Problem> response = Problems.response(Problems.of(exception));
        return exception.retryAfter() == null ? response
                : response.header(HttpHeaders.RETRY_AFTER, String.valueOf(exception.retryAfter().toSeconds()));
    }

    @Error(global = true, exception = io.micronaut.http.server.exceptions.NotFoundException.class)
    HttpResponse<Problem> noSuchRoute() {
        return Problems.response(HttpStatus.NOT_FOUND, ProblemErrorResponseProcessor.detailFor(HttpStatus.NOT_FOUND));
    }
}
