package org.reviewgateway.gateway.order;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.reviewgateway.gateway.order.OrderStatus.CANCELLED;
import static org.reviewgateway.gateway.order.OrderStatus.FAILED;
import static org.reviewgateway.gateway.order.OrderStatus.LINK_ISSUED;
import static org.reviewgateway.gateway.order.OrderStatus.REVIEWED;
import static org.reviewgateway.gateway.order.OrderStatus.SCHEDULED;
import static org.reviewgateway.gateway.order.OrderStatus.SENT;
import static org.reviewgateway.gateway.order.OrderStatus.SKIPPED;
import static org.reviewgateway.gateway.order.OrderStatus.SUPPRESSED;

/**
 * The one owner of an order's status once it is recorded: dispatch, reviews, unsubscribes and
 * erasures ask for a transition here and never write the orders table themselves. The table below is
 * the state machine; a transition it does not allow is refused in code (a programming error), and
 * each update moves the row only from a state that allows it, so outcomes racing each other cannot
 * undo one another. (The retention job's PersonalDataEraser applies the one rule it needs, scheduled
 * to cancelled, in its own SQL.)
 */
@Singleton
public class OrderLifecycle {

    /** From each status, where an order may go. */
    static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            LINK_ISSUED, Set.of(REVIEWED, CANCELLED),
            SCHEDULED, Set.of(SENT, FAILED, SUPPRESSED, CANCELLED, REVIEWED),
            SENT, Set.of(REVIEWED, CANCELLED),
            FAILED, Set.of(REVIEWED, CANCELLED),
            SUPPRESSED, Set.of(REVIEWED, CANCELLED),
            SKIPPED, Set.of(REVIEWED, CANCELLED),
            REVIEWED, Set.of(CANCELLED),
            CANCELLED, Set.of());

    private final OrderRepository orders;
    private final RecipientRepository recipients;
    private final Clock clock;

    OrderLifecycle(OrderRepository orders, RecipientRepository recipients, Clock clock) {
        this.orders = orders;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** Once nothing more is planned for the order, its personal data is kept only until then. */
    public void retainPersonalDataUntil(long orderId, Instant purgeAfter) {
        recipients.updatePurgeAfter(orderId, purgeAfter);
    }

    /** The invitation went out. @return whether the order was still waiting for it (so a reminder may follow) */
    public boolean invitationSent(long orderId) {
        return move(orderId, SCHEDULED, SENT);
    }

    /** The invitation failed for good. */
    public void invitationFailed(long orderId) {
        move(orderId, SCHEDULED, FAILED);
    }

    /** The address opted out or bounced before the invitation went out. */
    public void invitationSuppressed(long orderId) {
        move(orderId, SCHEDULED, SUPPRESSED);
    }

    /** The personal data is gone before the invitation went out: there is nobody left to invite. */
    public void nobodyToInvite(long orderId) {
        move(orderId, SCHEDULED, CANCELLED);
    }

    /**
     * An invitation that did not go out while its personal data was being erased (the eraser leaves an order whose
     * invitation is on the wire to its outcome): cancelled if the data is gone by now, untouched otherwise.
     */
    public void nobodyToInviteOnceDataIsGone(long orderId) {
        orders.cancelScheduledWithoutData(orderId, clock.instant());
    }

    /** Every order of this merchant still waiting to invite this address: the address opted out. */
    public int suppressScheduledTo(UUID merchantId, byte[] emailHash) {
        return orders.markScheduledSuppressed(merchantId, emailHash, clock.instant());
    }

    /** A review arrived. */
    public boolean reviewed(long orderId) {
        return orders.moveStatus(orderId, wire(from(REVIEWED)), REVIEWED, clock.instant()) == 1;
    }

    /** Cancelled, refunded or returned; cancelling again changes nothing. */
    public void cancelled(long orderId) {
        orders.moveStatus(orderId, wire(from(CANCELLED)), CANCELLED, clock.instant());
    }

    private boolean move(long orderId, OrderStatus expected, OrderStatus target) {
        if (!allowed(expected, target)) {
            throw new IllegalStateException("an order cannot go from " + expected + " to " + target);
        }
        return orders.moveStatus(orderId, Set.of(expected.wire()), target, clock.instant()) == 1;
    }

    static boolean allowed(OrderStatus from, OrderStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Every status from which an order may move to {@code target}. */
    static Set<OrderStatus> from(OrderStatus target) {
        return ALLOWED.entrySet().stream().filter(e -> e.getValue().contains(target)).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static Set<String> wire(Set<OrderStatus> statuses) {
        return statuses.stream().map(OrderStatus::wire).collect(Collectors.toSet());
    }
}
