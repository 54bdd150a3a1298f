package org.reviewgateway.gateway.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A product's public rating, for a shop's product-page widget. */
@Serdeable
record ProductRatingResponse(
        String productId,
        @Nullable @Schema(description = "the mean rating to one decimal place; null without reviews", example = "4.5") Double ratingValue,
        long reviewCount) {
}
