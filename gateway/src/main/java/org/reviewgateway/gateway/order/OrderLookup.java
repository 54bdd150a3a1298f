package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.privacy.SecretTokens;

import java.util.Optional;

/** Reads orders for other features (the dispatcher, the review form): they never use the repository. */
@Singleton
public class OrderLookup {

    private final OrderRepository orders;

    OrderLookup(OrderRepository orders) {
        this.orders = orders;
    }

    public Optional<Order> byId(long orderId) {
        return orders.findById(orderId);
    }

    /** The order a review link stands for (only the token's hash is stored). */
    public Optional<Order> byReviewToken(String token) {
        return orders.findByReviewTokenHash(SecretTokens.hash(token));
    }
}
