package org.reviewgateway.gateway.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.NotFoundException;
import org.reviewgateway.gateway.web.PageCursor;
import org.reviewgateway.gateway.web.ProblemResponses;

import java.util.List;

/** A product's reviews, oldest first from {@code since}, paged like GET /v1/reviews. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/products")
class ProductReviewsController {

    private final ProductReviews reviews;

    ProductReviewsController(ProductReviews reviews) {
        this.reviews = reviews;
    }

    @Operation(summary = "The reviews of one of the caller's products, oldest first, paged")
    @ApiResponse(responseCode = "200", description = "a page of the product's reviews and the cursor of the next",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProductReviewResponse.Page.class)))
    @ProblemResponses
    @Get("/{productId}/reviews")
    ProductReviewResponse.Page list(@CallingMerchant Merchant merchant, @PathVariable String productId,
                                    @Nullable @QueryValue String since, @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        PageCursor position = PageCursor.of(since, limit, cursor);
        if (ProductReviews.validId(productId).isEmpty() || !reviews.known(merchant.id(), productId)) {
            throw new NotFoundException("This merchant has no product with this id.");
        }
        List<ProductReviews.Row> rows = reviews.page(merchant.id(), productId, position.afterTime(), position.afterId(), position.limit() + 1);
        boolean more = rows.size() > position.limit();
        List<ProductReviews.Row> page = more ? rows.subList(0, position.limit()) : rows;
        ProductReviews.Row last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? position.after(last.createdAt(), last.orderId()).encode() : null;
        return new ProductReviewResponse.Page(page.stream()
                .map(r -> new ProductReviewResponse(r.transactionId(), r.rating(), r.comment(), r.createdAt())).toList(), next);
    }
}
