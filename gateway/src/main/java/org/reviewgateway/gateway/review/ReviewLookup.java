package org.reviewgateway.gateway.review;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.order.OrderDetailsResponse;
import org.reviewgateway.gateway.order.ReviewsOfOrders;

import java.util.Optional;

/** The review of an order, for the order view: other features never use the repository. */
@Singleton
class ReviewLookup implements ReviewsOfOrders {

    private final ReviewRepository reviews;

    ReviewLookup(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public Optional<OrderDetailsResponse.ReviewResponse> reviewOf(long orderId) {
        return reviews.findByOrderId(orderId).map(r -> new OrderDetailsResponse.ReviewResponse(r.rating(), r.comment(), r.createdAt()));
    }
}
