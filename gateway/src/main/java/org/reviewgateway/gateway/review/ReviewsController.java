package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.reviewgateway.gateway.merchant.CallingMerchant;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.ProblemResponses;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A merchant's reviews, oldest first from {@code since} (inclusive), in pages; {@code next} is the
 * cursor of the following page, null on the last one.
 */
@Controller("/v1/reviews")
class ReviewsController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final ReviewRepository reviews;

    ReviewsController(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Operation(summary = "The caller's reviews, oldest first, paged")
    @ApiResponse(responseCode = "200", description = "a page of reviews and the cursor of the next", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewsController.ReviewPage.class)))
    @ProblemResponses
    @Get
    ReviewPage list(@CallingMerchant Merchant merchant,
                    @Nullable @QueryValue String since, @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        ReviewCursor position = cursor != null ? ReviewCursor.decode(cursor) : ReviewCursor.first(since(since), limit(limit));
        List<ReviewRow> rows = reviews.findPage(merchant.id(), position.afterTime(), position.afterId(), position.limit() + 1);
        boolean more = rows.size() > position.limit();
        List<ReviewRow> page = more ? rows.subList(0, position.limit()) : rows;
        ReviewRow last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? new ReviewCursor(last.createdAt(), last.id(), position.limit()).encode() : null;
        return new ReviewPage(page.stream()
                .map(r -> new ReviewResponse(r.transactionId(), r.rating(), r.comment(), r.createdAt())).toList(), next);
    }

    private static Instant since(String since) {
        if (since == null) {
            return Instant.EPOCH;
        }
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the problem below
        }
        throw new InvalidInputException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    @Serdeable
    record ReviewPage(List<ReviewResponse> reviews, @Nullable String next) {
    }
}
