package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.product.Products;
import org.reviewgateway.gateway.web.PublicLinks;

/** Renders stored orders as the API shows them. */
@Singleton
class OrderViews {

    private final PiiCipher cipher;
    private final PublicLinks links;
    private final Outbox deliveries;
    private final ReviewsOfOrders reviews;
    private final Products products;
    private final RecipientRepository recipients;

    OrderViews(PiiCipher cipher, PublicLinks links, Outbox deliveries, ReviewsOfOrders reviews, Products products,
               RecipientRepository recipients) {
        this.recipients = recipients;
        this.cipher = cipher;
        this.links = links;
        this.deliveries = deliveries;
        this.reviews = reviews;
        this.products = products;
    }

    OrderResponse response(Order order) {
        return response(order, cipher.decrypt(order.merchantId(), order.reviewTokenSealed()));
    }

    OrderResponse response(Order order, String reviewToken) {
        return new OrderResponse(order.transactionId(), order.delivery(), order.status().wire(),
                links.reviewLink(reviewToken), order.locale(), order.sendAt(), order.createdAt());
    }

    OrderDetailsResponse details(Order order) {
        return new OrderDetailsResponse(response(order), order.personalData().given(recipients.existsByOrderId(order.id())).wire(),
                deliveries.deliveriesOf(order.id()).stream()
                        .map(d -> new OrderDetailsResponse.DeliveryResponse(d.kind().wire(), d.status().wire(), d.dueAt(), d.sentAt(), d.attempts()))
                        .toList(),
                products.ofOrder(order.id()),
                reviews.reviewOf(order.id()).orElse(null));
    }
}
