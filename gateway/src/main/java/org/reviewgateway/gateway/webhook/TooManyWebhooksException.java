package org.reviewgateway.gateway.webhook;

import org.reviewgateway.gateway.web.DomainException;

/** 409: the merchant has as many webhooks as it may. */
class TooManyWebhooksException extends DomainException {

    TooManyWebhooksException(int limit) {
        super(Condition.CONFLICT, "urn:review-gateway:problem:too-many-webhooks",
                "A merchant may have at most " + limit + " webhooks; delete one first.");
    }
}
