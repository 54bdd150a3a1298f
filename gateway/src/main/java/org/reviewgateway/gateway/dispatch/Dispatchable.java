package org.reviewgateway.gateway.dispatch;

import org.reviewgateway.gateway.outbox.Delivery;
import io.micronaut.core.annotation.Nullable;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.order.Order;
import org.reviewgateway.gateway.order.Recipient;

/** A claimed delivery with what sending it needs; the recipient is null once its data is gone. */
record Dispatchable(Delivery delivery, Order order, Merchant merchant, @Nullable Recipient recipient) {

    boolean invite() {
        return Delivery.INVITE.equals(delivery.kind());
    }
}
