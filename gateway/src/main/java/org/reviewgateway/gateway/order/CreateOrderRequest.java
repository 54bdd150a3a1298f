package org.reviewgateway.gateway.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * The body of POST /v1/orders, as the OpenAPI document describes it. The body is read field by field
 * ({@link OrderRequestReader}), so that every bad field is named at once and unknown fields are ignored.
 */
@Serdeable
@Schema(name = "CreateOrderRequest", description = "An order; personal data (customer) only with delivery \"delegated\".")
record CreateOrderRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9._:-]{1,128}$", example = "A-1001",
                description = "the shop's order reference; unique per merchant, not an address") String transactionId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"self", "delegated"}) String delivery,
        @Nullable @Schema(example = "de-DE", description = "language tag of the customer") String locale,
        @Nullable @Schema(type = "object", description = "required when delivery is delegated, refused otherwise") Customer customer,
        @Nullable @Schema(description = "when to invite (default: now + inviteDelay); at most one year ahead") Instant sendAt) {

    @Serdeable
    @Schema(name = "Customer")
    record Customer(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "email", maxLength = 254) String email,
            @Nullable @Schema(maxLength = 100, description = "first name: letters, spaces, apostrophes, hyphens and periods") String name) {
    }
}
