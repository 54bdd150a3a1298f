package org.reviewgateway.gateway.order;

import org.reviewgateway.gateway.web.DomainException;

/** 409: the transaction ID is taken by an order with a different body. */
class TransactionConflictException extends DomainException {

    TransactionConflictException() {
        super(DomainException.Condition.CONFLICT, "urn:review-gateway:problem:transaction-conflict",
                "An order with this transactionId exists with a different body; a repeat must send the same body.");
    }
}
