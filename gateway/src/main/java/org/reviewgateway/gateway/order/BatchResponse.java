package org.reviewgateway.gateway.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.reviewgateway.gateway.web.Problem;

import java.util.List;

/** One result per posted order, in the order posted; each item has an order or a problem. */
@Serdeable
record BatchResponse(List<Item> results) {

    @Serdeable
    record Item(
            int index,
            int status,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable @Schema(type = "object", description = "when the item was recorded") OrderResponse order,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable @Schema(type = "object", description = "when the item was refused") Problem problem) {
    }
}
