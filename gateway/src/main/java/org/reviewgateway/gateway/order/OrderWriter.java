package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.dispatch.DeliveryRepository;

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
    public Order insert(NewRows rows) {
        Order saved = orders.save(rows.order());
        if (rows.recipientOf() != null) {
            recipients.save(rows.recipientOf().apply(saved.id()));
        }
        if (rows.deliveryOf() != null) {
            deliveries.save(rows.deliveryOf().apply(saved.id()));
        }
        return saved;
    }
}
