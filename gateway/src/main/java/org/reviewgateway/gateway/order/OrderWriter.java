package org.reviewgateway.gateway.order;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.dispatch.Delivery;
import org.reviewgateway.gateway.dispatch.DeliveryRepository;

import java.util.function.Function;

/** Writes an order with its recipient and deliveries in one transaction: all or nothing. */
@Singleton
class OrderWriter {

    private final OrderRepository orders;
    private final RecipientRepository recipients;
    private final DeliveryRepository deliveries;

    OrderWriter(OrderRepository orders, RecipientRepository recipients, DeliveryRepository deliveries) {
        this.orders = orders;
        this.recipients = recipients;
        this.deliveries = deliveries;
    }

    @Transactional
    public Order insert(Order order,
                 @Nullable Function<Long, Recipient> recipientOf,
                 @Nullable Function<Long, Delivery> deliveryOf) {
        Order saved = orders.save(order);
        if (recipientOf != null) {
            recipients.save(recipientOf.apply(saved.id()));
        }
        if (deliveryOf != null) {
            deliveries.save(deliveryOf.apply(saved.id()));
        }
        return saved;
    }
}
