package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.dispatch.DeliveryRepository;
import org.reviewgateway.gateway.unsubscribe.Unsubscriptions;

/** Writes an order with its recipient and deliveries in one transaction: all or nothing. */
@Singleton
class OrderWriter {

    private final OrderRepository orders;
    private final RecipientRepository recipients;
    private final DeliveryRepository deliveries;
    private final Unsubscriptions unsubscriptions;

    OrderWriter(OrderRepository orders, RecipientRepository recipients, DeliveryRepository deliveries, Unsubscriptions unsubscriptions) {
        this.orders = orders;
        this.recipients = recipients;
        this.deliveries = deliveries;
        this.unsubscriptions = unsubscriptions;
    }

    @Transactional
    public Order insert(NewRows rows) {
        Order saved = orders.save(rows.order());
        if (rows.recipientOf() != null) {
            Recipient recipient = recipients.save(rows.recipientOf().apply(saved.id()));
            unsubscriptions.recordLink(recipient.unsubscribeTokenHash(), recipient.merchantId(), recipient.emailHash(), recipient.createdAt());
        }
        if (rows.deliveryOf() != null) {
            deliveries.save(rows.deliveryOf().apply(saved.id()));
        }
        return saved;
    }
}
