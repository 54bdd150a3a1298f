package org.reviewgateway.gateway.dispatch;

import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.order.Order;
import org.reviewgateway.gateway.order.OrderLookup;
import org.reviewgateway.gateway.order.Recipient;
import org.reviewgateway.gateway.outbox.Delivery;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.privacy.AddressHashes;
import org.reviewgateway.gateway.suppression.Suppressions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what a run of claimed deliveries needs just before they are sent, one read per table for the whole run: the
 * deliveries as they are now (a cancellation since the claim drops one here; one that comes later still wins, as the
 * outcome write only takes an open delivery of our claim), their orders, recipients and merchants, and which of their
 * addresses are suppressed.
 */
@Singleton
class Dispatchables {

    /** The deliveries of a run still to be worked, and how many were dropped (cancelled or taken over meanwhile). */
    record Run(List<Dispatchable> ready, Set<Dispatchable> suppressed, int dropped) {
    }

    private final Outbox deliveries;
    private final OrderLookup orders;
    private final MerchantAccounts merchants;
    private final Suppressions suppressions;
    private final InvitationComposer composer;
    private final Clock clock;

    Dispatchables(Outbox deliveries, OrderLookup orders, MerchantAccounts merchants, Suppressions suppressions,
                  InvitationComposer composer, Clock clock) {
        this.deliveries = deliveries;
        this.orders = orders;
        this.merchants = merchants;
        this.suppressions = suppressions;
        this.composer = composer;
        this.clock = clock;
    }

    /** {@code merchantCache}: the batch's merchants, each read once per batch. */
    Run load(List<Delivery> claimed, Map<UUID, Merchant> merchantCache) {
        Map<Long, Delivery> current = deliveries.findAll(claimed.stream().map(Delivery::id).toList()).stream()
                .collect(Collectors.toMap(Delivery::id, Function.identity()));
        List<Delivery> stillOurs = claimed.stream()
                .filter(c -> {
                    Delivery now = current.get(c.id());
                    return now != null && now.open() && c.claimedBy() != null && c.claimedBy().equals(now.claimedBy());
                })
                .map(c -> current.get(c.id()))
                .toList();
        List<Long> orderIds = stillOurs.stream().map(Delivery::orderId).distinct().toList();
        Map<Long, Order> orderById = orderIds.isEmpty() ? Map.of() : orders.byIds(orderIds);
        Map<Long, Recipient> recipientByOrder = orderIds.isEmpty() ? Map.of() : orders.recipientsOf(orderIds);
        List<Dispatchable> ready = new ArrayList<>();
        for (Delivery delivery : stillOurs) {
            Order order = orderById.get(delivery.orderId());
            if (order == null) {
                continue;
            }
            Merchant merchant = merchantCache.computeIfAbsent(delivery.merchantId(), id -> merchants.find(id).orElse(null));
            if (merchant == null) {
                deliveries.cancelOpenFor(order.id(), clock.instant());
                continue;
            }
            ready.add(new Dispatchable(delivery, order, merchant, recipientByOrder.get(order.id())));
        }
        return new Run(ready, suppressedAmong(ready), claimed.size() - ready.size());
    }

    private Set<Dispatchable> suppressedAmong(List<Dispatchable> ready) {
        Set<Dispatchable> suppressed = new HashSet<>();
        Map<UUID, List<Dispatchable>> byMerchant = ready.stream().filter(d -> d.recipient() != null)
                .collect(Collectors.groupingBy(d -> d.merchant().id()));
        byMerchant.forEach((merchantId, ofMerchant) -> {
            Map<AddressHashes, Dispatchable> byAddress = new HashMap<>();
            ofMerchant.forEach(d -> byAddress.put(composer.addressHashesOf(d), d));
            suppressions.suppressedAmong(merchantId, byAddress.keySet()).stream()
                    .map(byAddress::get).filter(Objects::nonNull).forEach(suppressed::add);
        });
        return suppressed;
    }
}
