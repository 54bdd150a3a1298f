package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.product.Products;
import org.reviewgateway.gateway.suppression.AddressLocks;
import org.reviewgateway.gateway.suppression.OptOutLinks;
import org.reviewgateway.gateway.suppression.Suppressions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Writes an order with its products, recipient and deliveries in one transaction: all or nothing. */
@Singleton
class OrderWriter {

    private final OrderRepository orders;
    private final RecipientRepository recipients;
    private final Outbox deliveries;
    private final OptOutLinks optOutLinks;
    private final Suppressions suppressions;
    private final AddressLocks locks;
    private final Products products;

    OrderWriter(OrderRepository orders, RecipientRepository recipients, Outbox deliveries, OptOutLinks optOutLinks,
                Suppressions suppressions, AddressLocks locks, Products products) {
        this.orders = orders;
        this.recipients = recipients;
        this.deliveries = deliveries;
        this.optOutLinks = optOutLinks;
        this.suppressions = suppressions;
        this.locks = locks;
        this.products = products;
    }

    /**
     * Suppression and cooldown are decided here, under the address's lock and inside the transaction that
     * stores the address: parallel orders, an unsubscribe or an erasure for the same address cannot slip between.
     */
    @Transactional
    public Order insert(NewRows rows) {
        NewRows.Screening screening = rows.screening();
        if (screening != null) {
            locks.lock(screening.merchantId(), screening.hashes());
            OrderStatus refusal = refusal(screening);
            if (refusal != null) {
                Order refused = orders.save(rows.order().refused(refusal));
                products.recordFor(refused.merchantId(), refused.id(), rows.products(), refused.createdAt());
                return refused;
            }
        }
        Order saved = orders.save(rows.order());
        products.recordFor(saved.merchantId(), saved.id(), rows.products(), saved.createdAt());
        if (rows.recipientOf() != null) {
            Recipient recipient = recipients.save(rows.recipientOf().apply(saved.id()));
            optOutLinks.record(recipient.unsubscribeTokenHash(), recipient.merchantId(), recipient.emailHash(), recipient.orderId(), recipient.createdAt());
        }
        if (rows.deliveryOf() != null) {
            deliveries.plan(rows.deliveryOf().apply(saved.id()));
        }
        return saved;
    }

    /** For a transaction that writes several orders: their address locks up front, in one order (see {@link AddressLocks#lockAll}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAddresses(List<AddressLocks.Address> addresses) {
        locks.lockAll(addresses);
    }

    static List<AddressLocks.Address> addressesOf(List<NewRows> rows) {
        return rows.stream().map(NewRows::screening).filter(Objects::nonNull)
                .flatMap(s -> AddressLocks.both(s.merchantId(), s.hashes()).stream()).toList();
    }

    /** Suppressed (opted out or bounced) comes before the cooldown; either way nothing personal is kept. */
    private OrderStatus refusal(NewRows.Screening screening) {
        if (suppressions.isSuppressed(screening.merchantId(), screening.hashes())) {
            return OrderStatus.SUPPRESSED;
        }
        Duration cooldown = screening.cooldown();
        Instant dueAt = screening.dueAt();
        if (cooldown != null
                && deliveries.invitesBetween(screening.merchantId(), screening.hashes(), dueAt.minus(cooldown), dueAt.plus(cooldown)) > 0) {
            return OrderStatus.SKIPPED;
        }
        return null;
    }
}
