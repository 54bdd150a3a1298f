package org.reviewgateway.gateway.unsubscribe;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.order.OrderLifecycle;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.suppression.AddressLocks;
import org.reviewgateway.gateway.suppression.OptOutLink;
import org.reviewgateway.gateway.suppression.Suppressions;

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
    private final Clock clock;

    Unsubscriptions(AddressLocks locks, Suppressions suppressions, Outbox deliveries, OrderLifecycle orders, Clock clock) {
        this.locks = locks;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.orders = orders;
        this.clock = clock;
    }

    /** Suppresses the address for the merchant and cancels everything still planned to it. */
    @Transactional
    public void unsubscribe(OptOutLink link) {
        locks.lock(link.merchantId(), link.emailHash());
        Instant now = clock.instant();
        suppressions.suppress(link.merchantId(), link.emailHash(), Suppressions.Reason.UNSUBSCRIBE);
        orders.suppressScheduledTo(link.merchantId(), link.emailHash());
        deliveries.cancelOpenTo(link.merchantId(), link.emailHash(), now);
    }

    /** Undoes an unsubscribe only: a hard bounce or an erasure request is not the link's to lift. */
    @Transactional
    public void resubscribe(OptOutLink link) {
        suppressions.lift(link.merchantId(), link.emailHash(), Suppressions.Reason.UNSUBSCRIBE);
    }
}
