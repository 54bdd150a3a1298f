package org.reviewgateway.gateway.console;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.activity.DayCount;
import org.reviewgateway.gateway.order.OrderLookup;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.review.ReviewHistory;
import org.reviewgateway.gateway.suppression.Suppressions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What happened for a merchant on each of the last {@value #DAYS} days (UTC, today included), each figure counted by
 * the feature that owns it.
 */
@Singleton
class ConsoleOverview {

    static final int DAYS = 30;

    private final OrderLookup orders;
    private final Outbox outbox;
    private final ReviewHistory reviews;
    private final Suppressions suppressions;
    private final Clock clock;

    ConsoleOverview(OrderLookup orders, Outbox outbox, ReviewHistory reviews, Suppressions suppressions, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.reviews = reviews;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    record Day(LocalDate date, long orders, long invitesSent, long failed, long reviews, long unsubscribes) {
    }

    /**
     * @param responseRate of the invitations sent in these days, the share answered with a review; null when none was sent
     */
    record Activity(List<Day> days, Day total, @Nullable Double responseRate) {
    }

    Activity lastDays(UUID merchantId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(DAYS - 1);
        Instant from = DayCount.startOf(first);
        Instant until = DayCount.startOf(today.plusDays(1));
        Map<Long, Long> ordersPerDay = byDay(orders.perDay(merchantId, from, until));
        Map<Long, Long> sentPerDay = byDay(outbox.invitesSentPerDay(merchantId, from, until));
        Map<Long, Long> failedPerDay = byDay(outbox.failedPerDay(merchantId, from, until));
        Map<Long, Long> reviewsPerDay = byDay(reviews.perDay(merchantId, from, until));
        Map<Long, Long> unsubscribesPerDay = byDay(suppressions.perDay(merchantId, Suppressions.Reason.UNSUBSCRIBE, from, until));
        List<Day> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(1)) {
            long key = date.toEpochDay();
            days.add(new Day(date, ordersPerDay.getOrDefault(key, 0L), sentPerDay.getOrDefault(key, 0L),
                    failedPerDay.getOrDefault(key, 0L), reviewsPerDay.getOrDefault(key, 0L), unsubscribesPerDay.getOrDefault(key, 0L)));
        }
        Day total = new Day(today, sum(ordersPerDay), sum(sentPerDay), sum(failedPerDay), sum(reviewsPerDay), sum(unsubscribesPerDay));
        Double responseRate = total.invitesSent() == 0 ? null
                : (double) outbox.invitesSentAndReviewed(merchantId, from, until) / total.invitesSent();
        return new Activity(days, total, responseRate);
    }

    private static Map<Long, Long> byDay(List<DayCount> counts) {
        Map<Long, Long> byDay = new HashMap<>();
        counts.forEach(c -> byDay.put(c.epochDay(), c.events()));
        return byDay;
    }

    private static long sum(Map<Long, Long> perDay) {
        return perDay.values().stream().mapToLong(Long::longValue).sum();
    }
}
