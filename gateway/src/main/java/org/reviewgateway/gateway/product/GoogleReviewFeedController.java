package org.reviewgateway.gateway.product;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.ProblemResponses;
import org.reviewgateway.gateway.web.StreamSlots;

/** The caller's product reviews as Google's Product Reviews feed. */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/feeds")
class GoogleReviewFeedController {

    private final GoogleReviewFeed feed;
    private final StreamSlots running = new StreamSlots(2, "feeds");

    GoogleReviewFeedController(GoogleReviewFeed feed) {
        this.feed = feed;
    }

    @Operation(summary = "Every product review of the caller as Google's Product Reviews feed, schema 2.4 (reviewers anonymous)")
    @ApiResponse(responseCode = "200", description = "streamed XML", content = @Content(mediaType = "application/xml", schema = @Schema(type = "string")))
    @ProblemResponses
    @Get(value = "/google-product-reviews.xml", produces = "application/xml")
    HttpResponse<?> googleProductReviews(@CallingMerchant Merchant merchant) {
        return running.stream(() -> feed.chunks(merchant), "application/xml; charset=utf-8");
    }
}
