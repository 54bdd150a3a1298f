package org.reviewgateway.gateway.order;

import io.micronaut.http.HttpStatus;
import org.reviewgateway.gateway.web.ProblemException;

/** 409: the transaction ID is taken by an order with a different body. */
class TransactionConflictException extends ProblemException {

    TransactionConflictException() {
        super(HttpStatus.CONFLICT, "urn:review-gateway:problem:transaction-conflict",
                "An order with this transactionId exists with a different body; a repeat must send the same body.");
    }
}
