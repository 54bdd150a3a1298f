package org.reviewgateway.gateway.review;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.order.OrderDetailsResponse;
import org.reviewgateway.gateway.order.ReviewsOfOrders;
import org.reviewgateway.gateway.product.ProductReviews;

import java.util.List;
import java.util.Optional;

/** The review of an order, for the order view and erasure requests: other features never use the repository. */
@Singleton
class ReviewLookup implements ReviewsOfOrders {

    private final ReviewRepository reviews;
    private final ProductReviews productReviews;

    ReviewLookup(ReviewRepository reviews, ProductReviews productReviews) {
        this.reviews = reviews;
        this.productReviews = productReviews;
    }

    @Override
    public Optional<OrderDetailsResponse.ReviewResponse> reviewOf(long orderId) {
        return reviews.findByOrderId(orderId).map(r -> new OrderDetailsResponse.ReviewResponse(r.rating(), r.comment(),
                productReviews.ofOrders(List.of(orderId)).getOrDefault(orderId, List.of()), r.createdAt()));
    }

    @Override
    public void forgetComments(List<Long> orderIds) {
        if (!orderIds.isEmpty()) {
            reviews.forgetComments(orderIds);
            productReviews.forgetComments(orderIds);
        }
    }
}
