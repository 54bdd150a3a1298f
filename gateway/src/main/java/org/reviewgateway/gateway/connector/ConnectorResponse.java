package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A connector as the merchant sees it: never its secret. */
@Serdeable
record ConnectorResponse(
        @Schema(allowableValues = {"shopify", "woocommerce"}) String platform,
        @Schema(description = "paste this URL into the shop's webhook settings") String webhookUrl,
        @Schema(allowableValues = {"delegated", "self"}) String delivery,
        String trigger,
        Instant updatedAt,
        @Nullable @Schema(description = "when the last delivery with a valid signature arrived; null until one did") Instant lastReceivedAt) {

    @Serdeable
    record Listing(List<ConnectorResponse> connectors) {
    }
}
