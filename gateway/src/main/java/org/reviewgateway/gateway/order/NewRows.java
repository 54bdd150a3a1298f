package org.reviewgateway.gateway.order;

import io.micronaut.core.annotation.Nullable;
import org.reviewgateway.gateway.dispatch.Delivery;

import java.util.function.Function;

/**
 * The rows one new order writes, ready but for the order's ID: the recipient and the invitation
 * delivery (both absent unless the gateway delivers), and the review token the answer shows.
 */
record NewRows(Order order,
               @Nullable Function<Long, Recipient> recipientOf,
               @Nullable Function<Long, Delivery> deliveryOf,
               String token) {
}
