package org.reviewgateway.gateway.unsubscribe;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.order.Order;
import org.reviewgateway.gateway.order.OrderLifecycle;
import org.reviewgateway.gateway.order.OrderLookup;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.suppression.AddressLocks;
import org.reviewgateway.gateway.suppression.OptOutLink;
import org.reviewgateway.gateway.suppression.Suppressions;
import org.reviewgateway.gateway.webhook.WebhookEvents;

import java.time.Clock;
import java.time.Instant;

/**
 * One-click opt-out (RFC 8058) and its undo, for one merchant and one address hash. A link works from
 * its opt-out record, not from the personal data, so it keeps working after the purge.
 */
@Singleton
public class Unsubscriptions {

    private final AddressLocks locks;
    private final Suppressions suppressions;
    private final Outbox deliveries;
    private final OrderLifecycle orders;
    private final OrderLookup lookup;
    private final WebhookEvents events;
    private final Clock clock;

    Unsubscriptions(AddressLocks locks, Suppressions suppressions, Outbox deliveries, OrderLifecycle orders, OrderLookup lookup,
                    WebhookEvents events, Clock clock) {
        this.locks = locks;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.orders = orders;
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Suppresses the address for the merchant and cancels everything still planned to it; the first click (not a
     * repeat) tells the merchant's webhooks, naming the order the link was mailed for.
     */
    @Transactional
    public void unsubscribe(OptOutLink link) {
        locks.lock(link.merchantId(), link.emailHash());
        Instant now = clock.instant();
        boolean fresh = suppressions.suppress(link.merchantId(), link.emailHash(), Suppressions.Reason.UNSUBSCRIBE);
        orders.suppressScheduledTo(link.merchantId(), link.emailHash());
        deliveries.cancelOpenTo(link.merchantId(), link.emailHash(), now);
        if (fresh) {
            String transactionId = link.orderId() == null ? null : lookup.byId(link.orderId()).map(Order::transactionId).orElse(null);
            events.recipientUnsubscribed(link.merchantId(), transactionId, now);
        }
    }

    /** Undoes an unsubscribe only: a hard bounce or an erasure request is not the link's to lift. */
    @Transactional
    public void resubscribe(OptOutLink link) {
        suppressions.lift(link.merchantId(), link.emailHash(), Suppressions.Reason.UNSUBSCRIBE);
    }
}
