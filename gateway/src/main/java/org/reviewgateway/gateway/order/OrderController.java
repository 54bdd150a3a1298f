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
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.json.tree.JsonNode;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAuthenticationFilter;
import org.reviewgateway.gateway.web.NotFoundException;

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

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<OrderResponse> create(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant,
                                       @Body JsonNode body) {
        OrderIngestion.Ingested result = ingestion.ingest(merchant, OrderRequestReader.read(body, ingestion.now()));
        return HttpResponse.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.order());
    }

    @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON)
    BatchResponse batch(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant,
                        @Body JsonNode body) {
        return batchIngestion.ingest(merchant, body);
    }

    @Get("/{transactionId}")
    OrderDetailsResponse get(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant,
                             @PathVariable String transactionId) {
        return views.details(find(merchant, transactionId));
    }

    @Delete("/{transactionId}/personal-data")
    HttpResponse<Void> erasePersonalData(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant,
                                         @PathVariable String transactionId) {
        erasure.eraseOrder(find(merchant, transactionId));
        return HttpResponse.noContent();
    }

    @Post(value = "/{transactionId}/cancel", consumes = MediaType.ALL)
    OrderDetailsResponse cancel(@RequestAttribute(MerchantAuthenticationFilter.MERCHANT) Merchant merchant,
                                @PathVariable String transactionId, @Nullable @Body String ignored) {
        erasure.cancel(find(merchant, transactionId));
        return views.details(find(merchant, transactionId));
    }

    private Order find(Merchant merchant, String transactionId) {
        return orders.findByMerchantIdAndTransactionId(merchant.id(), transactionId)
                .orElseThrow(() -> new NotFoundException("This merchant has no order with this transactionId."));
    }
}
