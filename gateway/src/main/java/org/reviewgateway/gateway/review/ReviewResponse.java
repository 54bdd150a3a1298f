package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.reviewgateway.gateway.product.ProductRating;

import java.time.Instant;
import java.util.List;

@Serdeable
public record ReviewResponse(String transactionId, int rating, @Nullable String comment, List<ProductRating> products, Instant createdAt) {

    static ReviewResponse of(String transactionId, Review review, List<ProductRating> products) {
        return new ReviewResponse(transactionId, review.rating(), review.comment(), products, review.createdAt());
    }
}
