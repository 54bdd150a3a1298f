package org.reviewgateway.gateway.order;

import java.util.List;
import java.util.Optional;

/**
 * What the order view shows of an order's review. The review feature implements it: reviews depend on orders, so
 * the order feature asks through this port instead of depending back on the review package.
 */
public interface ReviewsOfOrders {

    Optional<OrderDetailsResponse.ReviewResponse> reviewOf(long orderId);

    /** An erasure request reached these orders: their reviews' comments (overall and per product) go, the ratings stay. */
    void forgetComments(List<Long> orderIds);
}
