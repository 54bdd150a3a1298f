package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of PUT /v1/connectors/{platform}, for the OpenAPI document. */
@Serdeable
@Schema(name = "PutConnectorRequest", description = "A field left out keeps its stored value (its default when the connector is created).")
record PutConnectorRequest(
        @Nullable @Schema(minLength = 16, maxLength = 256, description = "the shop's webhook signing secret; required when "
                + "the connector is created; stored sealed, never returned") String secret,
        @Nullable @Schema(allowableValues = {"delegated", "self"}, defaultValue = "delegated",
                description = "self: nothing personal is kept from any webhook") String delivery,
        @Nullable @Schema(description = "when an order becomes an invitation: Shopify paid | fulfilled (default fulfilled); "
                + "WooCommerce processing | completed (default completed)") String trigger) {
}
