package org.reviewgateway.gateway.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.ProblemResponses;

@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/orders")
class OrderController {

    private final OrderIngestion ingestion;
    private final BatchIngestion batchIngestion;
    private final OrderRepository orders;
    private final OrderViews views;
    private final PersonalDataErasure erasure;

    OrderController(OrderIngestion ingestion, BatchIngestion batchIngestion, OrderRepository orders, OrderViews views,
                    PersonalDataErasure erasure) {
        this.ingestion = ingestion;
        this.batchIngestion = batchIngestion;
        this.orders = orders;
        this.views = views;
        this.erasure = erasure;
    }

    @Operation(summary = "Record an order and get its review link", requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreateOrderRequest.class))))
    @ApiResponse(responseCode = "201", description = "the order was recorded (also when suppressed or skipped: recorded without personal data)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderResponse.class)))
    @ApiResponse(responseCode = "200", description = "a repeat of the same body: the first answer, status as it is now", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderResponse.class)))
    @ProblemResponses
    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<OrderResponse> create(@CallingMerchant Merchant merchant,
                                       @Body JsonNode body) {
        OrderIngestion.Ingested result = ingestion.ingest(merchant, OrderRequestReader.read(body, ingestion.now()));
        return HttpResponse.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.order());
    }

    @Operation(summary = "Record up to 500 orders, each judged alone", requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = CreateOrderBatchRequest.class))))
    @ApiResponse(responseCode = "200", description = "one result per item: its status and the order or the problem", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchResponse.class)))
    @ProblemResponses
    @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON)
    BatchResponse batch(@CallingMerchant Merchant merchant,
                        @Body JsonNode body) {
        return batchIngestion.ingest(merchant, body);
    }

    @Operation(summary = "An order with its deliveries and review")
    @ApiResponse(responseCode = "200", description = "the order", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderDetailsResponse.class)))
    @ProblemResponses
    @Get("/{transactionId}")
    OrderDetailsResponse get(@CallingMerchant Merchant merchant,
                             @PathVariable String transactionId) {
        return views.details(find(merchant, transactionId));
    }

    @Operation(summary = "Delete an order's personal data now")
    @ApiResponse(responseCode = "204", description = "deleted (or none was held)")
    @ProblemResponses
    @Delete("/{transactionId}/personal-data")
    HttpResponse<Void> erasePersonalData(@CallingMerchant Merchant merchant,
                                         @PathVariable String transactionId) {
        erasure.eraseOrder(find(merchant, transactionId));
        return HttpResponse.noContent();
    }

    @Operation(summary = "Cancel an order (refunded, returned): nothing more is sent, its personal data goes")
    @ApiResponse(responseCode = "200", description = "the cancelled order", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderDetailsResponse.class)))
    @ProblemResponses
    @Post(value = "/{transactionId}/cancel", consumes = MediaType.ALL)
    OrderDetailsResponse cancel(@CallingMerchant Merchant merchant,
                                @PathVariable String transactionId, @Nullable @Body String ignored) {
        erasure.cancel(find(merchant, transactionId));
        return views.details(find(merchant, transactionId));
    }

    private Order find(Merchant merchant, String transactionId) {
        return orders.findByMerchantIdAndTransactionId(merchant.id(), transactionId)
                .orElseThrow(() -> new NotFoundException("This merchant has no order with this transactionId."));
    }
}
