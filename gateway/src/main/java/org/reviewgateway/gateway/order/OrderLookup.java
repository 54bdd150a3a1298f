package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.activity.DayCount;
import org.reviewgateway.gateway.privacy.SecretTokens;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads orders and their recipients for other features (the dispatcher, the review form): they never use the repositories. */
@Singleton
public class OrderLookup {

    private final OrderRepository orders;
    private final RecipientRepository recipients;

    OrderLookup(OrderRepository orders, RecipientRepository recipients) {
        this.orders = orders;
        this.recipients = recipients;
    }

    /** Orders received per day (UTC) in [from, until); days without one are left out. */
    public List<DayCount> perDay(UUID merchantId, Instant from, Instant until) {
        return orders.countPerDay(merchantId, from, until);
    }

    public Optional<Order> byId(long orderId) {
        return orders.findById(orderId);
    }

    /** Many orders in one read (the dispatcher's batch), by ID; those that are gone are missing. */
    public Map<Long, Order> byIds(Collection<Long> orderIds) {
        return orders.findByIdIn(orderIds).stream().collect(Collectors.toMap(Order::id, Function.identity()));
    }

    /** The recipients of many orders in one read, by order ID; an order whose data is gone is missing. */
    public Map<Long, Recipient> recipientsOf(Collection<Long> orderIds) {
        return recipients.findByOrderIdIn(orderIds).stream().collect(Collectors.toMap(Recipient::orderId, Function.identity()));
    }

    /** The order a review link stands for (only the token's hash is stored). */
    public Optional<Order> byReviewToken(String token) {
        return orders.findByReviewTokenHash(SecretTokens.hash(token));
    }
}
