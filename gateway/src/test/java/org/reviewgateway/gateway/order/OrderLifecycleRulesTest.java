package org.reviewgateway.gateway.order;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order's state machine as a table: what may follow what. */
class OrderLifecycleRulesTest {

    private static final Set<String> EVERY_STATUS = Set.of(OrderStatus.LINK_ISSUED, OrderStatus.SCHEDULED, OrderStatus.SENT,
            OrderStatus.FAILED, OrderStatus.SUPPRESSED, OrderStatus.SKIPPED, OrderStatus.REVIEWED, OrderStatus.CANCELLED);

    @Test
    void everyStatusHasItsRowAndGoesOnlyToKnownStatuses() {
        assertEquals(EVERY_STATUS, OrderLifecycle.ALLOWED.keySet());
        OrderLifecycle.ALLOWED.values().forEach(targets -> assertTrue(EVERY_STATUS.containsAll(targets), targets::toString));
    }

    @Test
    void cancelledIsTheEndAndNothingGoesBackToScheduled() {
        assertEquals(Set.of(), OrderLifecycle.ALLOWED.get(OrderStatus.CANCELLED));
        EVERY_STATUS.forEach(from -> assertFalse(OrderLifecycle.allowed(from, OrderStatus.SCHEDULED), from));
        EVERY_STATUS.forEach(from -> assertFalse(OrderLifecycle.allowed(from, OrderStatus.LINK_ISSUED), from));
    }

    @Test
    void onlyAnOrderWaitingForItsInvitationCanBeSentFailedOrSuppressed() {
        for (String outcome : Set.of(OrderStatus.SENT, OrderStatus.FAILED, OrderStatus.SUPPRESSED)) {
            assertEquals(Set.of(OrderStatus.SCHEDULED), OrderLifecycle.from(outcome), outcome);
        }
        assertFalse(OrderLifecycle.allowed(OrderStatus.CANCELLED, OrderStatus.SENT), "a send racing a cancel cannot revive the order");
    }

    @Test
    void anyOrderButACancelledOneCanBeReviewedAndCancelled() {
        Set<String> notCancelled = new java.util.HashSet<>(EVERY_STATUS);
        notCancelled.remove(OrderStatus.CANCELLED);
        Set<String> notReviewedNorCancelled = new java.util.HashSet<>(notCancelled);
        notReviewedNorCancelled.remove(OrderStatus.REVIEWED);
        assertEquals(notReviewedNorCancelled, OrderLifecycle.from(OrderStatus.REVIEWED));
        assertEquals(notCancelled, OrderLifecycle.from(OrderStatus.CANCELLED));
    }
}
