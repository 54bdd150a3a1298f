package org.reviewgateway.gateway.web;


/** 404, also for what belongs to another merchant: existence is not revealed across tenants. */
public class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super(Condition.NOT_FOUND, "about:blank", detail);
    }
}
