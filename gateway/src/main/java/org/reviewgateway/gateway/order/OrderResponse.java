package org.reviewgateway.gateway.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** The answer to an order post, and the head of every order view. Never holds personal data. */
@Serdeable
public record OrderResponse(
        String transactionId,
        String delivery,
        String status,
        String reviewLink,
        @Nullable String locale,
        @Nullable Instant sendAt,
        Instant createdAt) {
}
