package org.reviewgateway.gateway.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
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

        /** 201 for a new order, 200 for a repeat of one recorded before, as a single POST would answer. */
        static Item recorded(int index, OrderIngestion.Ingested result) {
            return new Item(index, (result.created() ? HttpStatus.CREATED : HttpStatus.OK).getCode(), result.order(), null);
        }

        static Item refused(int index, Problem problem) {
            return new Item(index, problem.status(), null, problem);
        }

        /** The database failed this item alone; nothing of it was kept. */
        static Item notRecorded(int index) {
            return refused(index, Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not record this order; retry it."));
        }

        boolean created() {
            return status == HttpStatus.CREATED.getCode();
        }
    }
}
