package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A customer's review of one order: rating and plain-text comment, nothing personal. */
@MappedEntity("reviews")
public record Review(
        @Id @GeneratedValue @Nullable Long id,
        Long orderId,
        UUID merchantId,
        int rating,
        @Nullable String comment,
        Instant createdAt) {
}
