package org.reviewgateway.gateway.order;

import java.util.Optional;

/**
 * What the order view shows of an order's review. The review feature implements it: reviews depend on orders, so
 * the order feature asks through this port instead of depending back on the review package.
 */
public interface ReviewsOfOrders {

    Optional<OrderDetailsResponse.ReviewResponse> reviewOf(long orderId);
}
