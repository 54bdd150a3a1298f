package org.reviewgateway.gateway.dispatch;

import io.micronaut.core.annotation.Nullable;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.order.Order;
import org.reviewgateway.gateway.order.Recipient;
import org.reviewgateway.gateway.outbox.Delivery;

/** A claimed delivery with what sending it needs; the recipient is null once its data is gone. */
record Dispatchable(Delivery delivery, Order order, Merchant merchant, @Nullable Recipient recipient) {

    boolean invite() {
        return delivery.kind() == Delivery.Kind.INVITE;
    }
}
