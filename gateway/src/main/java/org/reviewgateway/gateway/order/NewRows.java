package org.reviewgateway.gateway.order;

import io.micronaut.core.annotation.Nullable;
import org.reviewgateway.gateway.outbox.Delivery;
import org.reviewgateway.gateway.privacy.AddressHashes;
import org.reviewgateway.gateway.product.ProductLine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rows one new order writes, ready but for the order's ID: the recipient and the invitation
 * delivery (both absent unless the gateway delivers), the order's products, the review token the answer shows, and, for a
 * delivered order, what the writer checks inside its transaction before it stores the address.
 */
record NewRows(Order order,
               @Nullable Function<Long, Recipient> recipientOf,
               @Nullable Function<Long, Delivery> deliveryOf,
               String token,
               @Nullable Screening screening,
               List<ProductLine> products) {

    NewRows(Order order, String token, List<ProductLine> products) {
        this(order, null, null, token, null, products);
    }

    /** The address (as its keyed hash) and when its invitation is due: for the suppression and cooldown checks. */
    record Screening(UUID merchantId, AddressHashes hashes, Instant dueAt, @Nullable Duration cooldown) {
    }
}
