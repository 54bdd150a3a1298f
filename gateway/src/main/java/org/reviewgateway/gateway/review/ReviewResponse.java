package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record ReviewResponse(String transactionId, int rating, @Nullable String comment, Instant createdAt) {

    static ReviewResponse of(String transactionId, Review review) {
        return new ReviewResponse(transactionId, review.rating(), review.comment(), review.createdAt());
    }
}
