package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A review posted as JSON (or as the form's fields rating and comment), for the OpenAPI document. */
@Serdeable
@Schema(name = "SubmitReviewRequest")
record SubmitReviewRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5") int rating,
        @Nullable @Schema(maxLength = 2000) String comment) {
}
