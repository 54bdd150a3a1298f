package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.outbox.Delivery;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.privacy.AddressHashes;
import org.reviewgateway.gateway.product.Products;
import org.reviewgateway.gateway.suppression.AddressLocks;
import org.reviewgateway.gateway.suppression.OptOutLinks;
import org.reviewgateway.gateway.suppression.Suppressions;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
            OrderStatus refusal = refusal(screening, suppressions.isSuppressed(screening.merchantId(), screening.hashes()));
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

    /**
     * Several orders in the caller's transaction, whose address locks it took up front ({@link #lockAddresses}): the
     * suppression list read once per merchant, and each table written with one JDBC batch, where {@link #insert} costs a
     * round trip per row. Orders that share an address go one by one, so that the second's cooldown sees the first's invitation.
     *
     * @return the saved orders, in the order of {@code rows}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Order> insertAll(List<NewRows> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        if (rows.size() == 1 || shareAnAddress(rows)) {
            return rows.stream().map(this::insert).toList();
        }
        Set<NewRows> suppressed = suppressedAmong(rows);
        List<Order> saved = new ArrayList<>();
        orders.saveAll(rows.stream().map(r -> screened(r, suppressed)).toList()).forEach(saved::add);
        List<Recipient> newRecipients = new ArrayList<>();
        List<Delivery> planned = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            NewRows r = rows.get(i);
            Order order = saved.get(i);
            products.recordFor(order.merchantId(), order.id(), r.products(), order.createdAt());
            if (order.status() == OrderStatus.SKIPPED || order.status() == OrderStatus.SUPPRESSED) {
                continue;
            }
            if (r.recipientOf() != null) {
                newRecipients.add(r.recipientOf().apply(order.id()));
            }
            if (r.deliveryOf() != null) {
                planned.add(r.deliveryOf().apply(order.id()));
            }
        }
        if (!newRecipients.isEmpty()) {
            recipients.saveAll(newRecipients);
            optOutLinks.recordAll(newRecipients.stream().map(rc -> new OptOutLinks.NewLink(rc.unsubscribeTokenHash(), rc.merchantId(),
                    rc.emailHash(), rc.orderId())).toList(), newRecipients.get(0).createdAt());
        }
        deliveries.planAll(planned);
        return saved;
    }

    private Order screened(NewRows rows, Set<NewRows> suppressed) {
        OrderStatus refusal = rows.screening() == null ? null : refusal(rows.screening(), suppressed.contains(rows));
        return refusal == null ? rows.order() : rows.order().refused(refusal);
    }

    private static boolean shareAnAddress(List<NewRows> rows) {
        Set<List<Object>> seen = new HashSet<>();
        return rows.stream().map(NewRows::screening).filter(Objects::nonNull)
                .anyMatch(s -> !seen.add(List.of(s.merchantId(), ByteBuffer.wrap(s.hashes().current()))));
    }

    private Set<NewRows> suppressedAmong(List<NewRows> rows) {
        Set<NewRows> suppressed = new HashSet<>();
        rows.stream().filter(r -> r.screening() != null).collect(Collectors.groupingBy(r -> r.screening().merchantId()))
                .forEach((merchantId, ofMerchant) -> {
                    Set<AddressHashes> hit = suppressions.suppressedAmong(merchantId, ofMerchant.stream().map(r -> r.screening().hashes()).toList());
                    ofMerchant.stream().filter(r -> hit.contains(r.screening().hashes())).forEach(suppressed::add);
                });
        return suppressed;
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
    private OrderStatus refusal(NewRows.Screening screening, boolean suppressed) {
        if (suppressed) {
            return OrderStatus.SUPPRESSED;
        }
        return inCooldown(screening) ? OrderStatus.SKIPPED : null;
    }

    /** An invitation to the address from this merchant sent or planned within the merchant's cooldown of this one. */
    private boolean inCooldown(NewRows.Screening screening) {
        Duration cooldown = screening.cooldown();
        Instant dueAt = screening.dueAt();
        return cooldown != null
                && deliveries.invitesBetween(screening.merchantId(), screening.hashes(), dueAt.minus(cooldown), dueAt.plus(cooldown)) > 0;
    }
}
