package org.reviewgateway.gateway.review;

import io.micronaut.http.HttpStatus;
import org.reviewgateway.gateway.web.ProblemException;

/** 409: this order has its review already. */
class AlreadyReviewedException extends ProblemException {

    AlreadyReviewedException() {
        super(HttpStatus.CONFLICT, "urn:review-gateway:problem:already-reviewed", "This order has been reviewed already.");
    }
}
