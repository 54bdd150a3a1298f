package org.reviewgateway.gateway.product;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.ProblemResponses;

import java.util.UUID;

/**
 * The public rating of a product, for the widget on a shop's product page: any origin may read it, caches may keep it
 * five minutes, and a client holding the current ETag gets a 304. One row read from the aggregate.
 */
@Controller("/p")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProductRatingController {

    static final String CACHE = "public, max-age=300";

    private final ProductReviews reviews;
    private final MerchantAccounts merchants;

    ProductRatingController(ProductReviews reviews, MerchantAccounts merchants) {
        this.reviews = reviews;
        this.merchants = merchants;
    }

    @Operation(summary = "A product's public rating (CORS *, cacheable): the mean of its ratings and how many there are")
    @SecurityRequirement(name = "")
    @ApiResponse(responseCode = "200", description = "the rating; ratingValue null and reviewCount 0 without reviews",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductRatingResponse.class)))
    @ApiResponse(responseCode = "304", description = "unchanged since the ETag in If-None-Match")
    @ProblemResponses
    @Get(value = "/{merchantId}/products/{productId}/rating", produces = MediaType.APPLICATION_JSON)
    HttpResponse<ProductRatingResponse> rating(@PathVariable String merchantId, @PathVariable String productId, HttpRequest<?> request) {
        UUID merchant = merchant(merchantId);
        if (ProductReviews.validId(productId).isEmpty()) {
            throw new NotFoundException("There is no such product.");
        }
        ProductReviews.Aggregate aggregate = reviews.aggregate(merchant, productId);
        String etag = "\"" + aggregate.count() + "-" + aggregate.sum() + "\"";
        if (etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            return cacheable(HttpResponse.notModified(), etag);
        }
        return cacheable(HttpResponse.ok(new ProductRatingResponse(productId, aggregate.mean(), aggregate.count())), etag);
    }

    private static <T> HttpResponse<T> cacheable(io.micronaut.http.MutableHttpResponse<T> response, String etag) {
        return response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header(HttpHeaders.CACHE_CONTROL, CACHE)
                .header(HttpHeaders.ETAG, etag);
    }

    private UUID merchant(String merchantId) {
        try {
            UUID id = UUID.fromString(merchantId);
            if (merchants.find(id).isPresent()) {
                return id;
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered as unknown below
        }
        throw new NotFoundException("There is no such shop.");
    }
}
