package org.reviewgateway.gateway.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** One product's rating within a review. */
@Serdeable
@Schema(name = "ProductRating")
public record ProductRating(
        @Schema(description = "a product of the reviewed order") String id,
        @Schema(minimum = "1", maximum = "5") int rating,
        @Nullable @Schema(maxLength = 2000) String comment) {
}
