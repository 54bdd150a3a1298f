package org.reviewgateway.gateway.review;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.activity.DayCount;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A merchant's reviews newest first, a page at a time (the console's reviews page). */
@Singleton
public class ReviewHistory {

    private final ReviewRepository reviews;

    ReviewHistory(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    /** Where a page ends: the next page starts after it. */
    public record Position(Instant createdAt, long id) {
    }

    /** Reviews received per day (UTC) in [from, until); days without one are left out. */
    public List<DayCount> perDay(UUID merchantId, Instant from, Instant until) {
        return reviews.countPerDay(merchantId, from, until);
    }

    public record Page(List<ReviewRow> reviews, @Nullable Position next) {
    }

    /** @param before null for the newest page */
    public Page newestFirst(UUID merchantId, @Nullable Position before, int limit) {
        Position from = before == null ? new Position(Instant.parse("9999-12-31T23:59:59Z"), Long.MAX_VALUE) : before;
        List<ReviewRow> rows = reviews.findPageBefore(merchantId, from.createdAt(), from.id(), limit + 1);
        boolean more = rows.size() > limit;
        List<ReviewRow> page = more ? rows.subList(0, limit) : rows;
        ReviewRow last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page(List.copyOf(page), more ? new Position(last.createdAt(), last.id()) : null);
    }
}
