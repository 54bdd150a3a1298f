package org.reviewgateway.gateway.review;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.data.UniqueViolation;
import org.reviewgateway.gateway.order.Order;
import org.reviewgateway.gateway.order.OrderLifecycle;
import org.reviewgateway.gateway.order.OrderStatus;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.product.ProductRating;
import org.reviewgateway.gateway.product.ProductReviews;
import org.reviewgateway.gateway.webhook.WebhookEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records a review: the order becomes {@code reviewed}, whatever was still planned for it (the
 * invitation, the reminder) is cancelled, and the merchant's review.created webhook event is written. One review
 * per order, settled by the unique constraint.
 */
@Singleton
class ReviewSubmission {

    private final ReviewRepository reviews;
    private final OrderLifecycle orders;
    private final Outbox deliveries;
    private final ProductReviews productReviews;
    private final WebhookEvents events;
    private final Clock clock;

    ReviewSubmission(ReviewRepository reviews, OrderLifecycle orders, Outbox deliveries, ProductReviews productReviews,
                     WebhookEvents events, Clock clock) {
        this.reviews = reviews;
        this.orders = orders;
        this.deliveries = deliveries;
        this.productReviews = productReviews;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Review submit(Order order, int rating, String comment, List<ProductRating> products) {
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
        productReviews.record(order.merchantId(), order.id(), order.transactionId(), products, now);
        events.reviewCreated(order.merchantId(), order.transactionId(), rating, comment, products, now);
        return saved;
    }

    static boolean reviewable(Order order) {
        return order.status() != OrderStatus.CANCELLED;
    }
}
