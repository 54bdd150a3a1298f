package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A review with its order's transaction ID, as the reviews page reads it. */
@Introspected
public record ReviewRow(Long id, Long orderId, String transactionId, int rating, @Nullable String comment, Instant createdAt) {
}
