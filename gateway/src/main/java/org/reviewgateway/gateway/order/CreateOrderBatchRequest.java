package org.reviewgateway.gateway.order;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The body of POST /v1/orders/batch, for the OpenAPI document; each item is judged alone. */
@Serdeable
@Schema(name = "CreateOrderBatchRequest")
record CreateOrderBatchRequest(
        @ArraySchema(maxItems = 500, schema = @Schema(implementation = CreateOrderRequest.class)) List<CreateOrderRequest> orders) {
}
