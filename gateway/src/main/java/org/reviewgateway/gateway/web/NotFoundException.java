package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpStatus;

/** 404, also for what belongs to another merchant: existence is not revealed across tenants. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, "about:blank", detail);
    }
}
