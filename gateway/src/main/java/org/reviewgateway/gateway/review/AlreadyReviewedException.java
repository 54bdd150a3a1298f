package org.reviewgateway.gateway.review;

import org.reviewgateway.gateway.web.DomainException;

/** 409: this order has its review already. */
class AlreadyReviewedException extends DomainException {

    AlreadyReviewedException() {
        super(DomainException.Condition.CONFLICT, "urn:review-gateway:problem:already-reviewed", "This order has been reviewed already.");
    }
}
