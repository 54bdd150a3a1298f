package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.product.ProductRating;
import org.reviewgateway.gateway.product.ProductReviews;
import org.reviewgateway.gateway.web.PageCursor;
import org.reviewgateway.gateway.web.ProblemResponses;

import java.util.List;
import java.util.Map;

/**
 * A merchant's reviews, oldest first from {@code since} (inclusive), in pages; {@code next} is the
 * cursor of the following page, null on the last one.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/reviews")
class ReviewsController {

    private final ReviewRepository reviews;
    private final ProductReviews productReviews;

    ReviewsController(ReviewRepository reviews, ProductReviews productReviews) {
        this.reviews = reviews;
        this.productReviews = productReviews;
    }

    @Operation(summary = "The caller's reviews, oldest first, paged")
    @ApiResponse(responseCode = "200", description = "a page of reviews and the cursor of the next", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewsController.ReviewPage.class)))
    @ProblemResponses
    @Get
    ReviewPage list(@CallingMerchant Merchant merchant,
                    @Nullable @QueryValue String since, @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        PageCursor position = PageCursor.of(since, limit, cursor);
        List<ReviewRow> rows = reviews.findPage(merchant.id(), position.afterTime(), position.afterId(), position.limit() + 1);
        boolean more = rows.size() > position.limit();
        List<ReviewRow> page = more ? rows.subList(0, position.limit()) : rows;
        ReviewRow last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? position.after(last.createdAt(), last.id()).encode() : null;
        Map<Long, List<ProductRating>> products = productReviews.ofOrders(page.stream().map(ReviewRow::orderId).toList());
        return new ReviewPage(page.stream().map(r -> new ReviewResponse(r.transactionId(), r.rating(), r.comment(),
                products.getOrDefault(r.orderId(), List.of()), r.createdAt())).toList(), next);
    }

    @Serdeable
    record ReviewPage(List<ReviewResponse> reviews, @Nullable String next) {
    }
}
