package org.reviewgateway.gateway.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A product as an order names it: anonymous catalogue data. */
@Serdeable
@Schema(name = "Product")
public record ProductLine(
        @Schema(maxLength = 128, pattern = "[A-Za-z0-9._:-]{1,128}", description = "the SKU, or the shop's product id") String id,
        @Schema(maxLength = 200) String name,
        @Nullable @Schema(pattern = "[0-9]{8,14}") String gtin,
        @Nullable @Schema(description = "http(s) link to the product page") String url) {

    /** The fields that make a repeated order the same order (idempotency). */
    String canonical() {
        return String.join("|", id, name, gtin == null ? "" : gtin, url == null ? "" : url);
    }
}
