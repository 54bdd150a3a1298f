package org.reviewgateway.gateway.review;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.data.UniqueViolation;
import org.reviewgateway.gateway.order.Order;
import org.reviewgateway.gateway.order.OrderLifecycle;
import org.reviewgateway.gateway.order.OrderStatus;
import org.reviewgateway.gateway.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Records a review: the order becomes {@code reviewed} and whatever was still planned for it (the
 * invitation, the reminder) is cancelled. One review per order, settled by the unique constraint.
 */
@Singleton
class ReviewSubmission {

    private final ReviewRepository reviews;
    private final OrderLifecycle orders;
    private final Outbox deliveries;
    private final Clock clock;

    ReviewSubmission(ReviewRepository reviews, OrderLifecycle orders, Outbox deliveries, Clock clock) {
        this.reviews = reviews;
        this.orders = orders;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Transactional
    public Review submit(Order order, int rating, String comment) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Review saved;
        try {
            saved = reviews.save(new Review(null, order.id(), order.merchantId(), rating, comment, now));
        } catch (DataAccessException e) {
            if (UniqueViolation.isCauseOf(e)) {
                throw new AlreadyReviewedException();
            }
            throw e;
        }
        orders.reviewed(order.id());
        deliveries.cancelOpenFor(order.id(), now);
        return saved;
    }

    static boolean reviewable(Order order) {
        return order.status() != OrderStatus.CANCELLED;
    }
}
