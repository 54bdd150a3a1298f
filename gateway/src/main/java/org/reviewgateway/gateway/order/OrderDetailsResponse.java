package org.reviewgateway.gateway.order;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.reviewgateway.gateway.product.ProductLine;
import org.reviewgateway.gateway.product.ProductRating;

import java.time.Instant;
import java.util.List;

/** GET /v1/orders/{transactionId}: the order, whether personal data is held, and its deliveries. */
@Serdeable
public record OrderDetailsResponse(
        @JsonUnwrapped OrderResponse order,
        String personalData,
        List<DeliveryResponse> deliveries,
        @Schema(description = "the order's products, as the merchant's catalogue now describes them") List<ProductLine> products,
        @Nullable @Schema(type = "object", description = "null until a review arrived") ReviewResponse review) {

    @Serdeable
    public record ReviewResponse(int rating, @Nullable String comment, List<ProductRating> products, Instant createdAt) {
    }

    @Serdeable
    public record DeliveryResponse(String kind, String status, Instant dueAt, @Nullable Instant sentAt, int attempts) {
    }
}
