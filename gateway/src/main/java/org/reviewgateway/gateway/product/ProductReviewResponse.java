package org.reviewgateway.gateway.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** One review of a product, as its product's reviews list it. */
@Serdeable
record ProductReviewResponse(String transactionId, int rating, @Nullable String comment, Instant createdAt) {

    @Serdeable
    record Page(List<ProductReviewResponse> reviews, @Nullable String next) {
    }
}
