package org.reviewgateway.gateway.product;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.ProblemResponses;
import org.reviewgateway.gateway.web.Problems;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/** The caller's product reviews as Google's Product Reviews feed. Like the export, each feed holds a connection while it streams. */
@Controller("/v1/feeds")
class GoogleReviewFeedController {

    static final int MAX_CONCURRENT_FEEDS = 2;

    private final GoogleReviewFeed feed;
    private final Semaphore running = new Semaphore(MAX_CONCURRENT_FEEDS);

    GoogleReviewFeedController(GoogleReviewFeed feed) {
        this.feed = feed;
    }

    @Operation(summary = "Every product review of the caller as Google's Product Reviews feed, schema 2.4 (reviewers anonymous)")
    @ApiResponse(responseCode = "200", description = "streamed XML", content = @Content(mediaType = "application/xml", schema = @Schema(type = "string")))
    @ProblemResponses
    @Get(value = "/google-product-reviews.xml", produces = "application/xml")
    HttpResponse<?> googleProductReviews(@CallingMerchant Merchant merchant) {
        if (!running.tryAcquire()) {
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE,
                            MAX_CONCURRENT_FEEDS + " feeds are being read already; try again in a minute.")
                    .header(HttpHeaders.RETRY_AFTER, "60");
        }
        AtomicBoolean released = new AtomicBoolean();
        return HttpResponse.ok(feed.chunks(merchant).doFinally(signal -> {
                    if (released.compareAndSet(false, true)) {
                        running.release();
                    }
                }))
                .contentType("application/xml; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
