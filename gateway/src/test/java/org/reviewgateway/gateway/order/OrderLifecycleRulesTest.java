package org.reviewgateway.gateway.order;

import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.data.WireWord;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order's state machine as a table: what may follow what. */
class OrderLifecycleRulesTest {

    private static final Set<OrderStatus> EVERY_STATUS = EnumSet.allOf(OrderStatus.class);

    @Test
    void everyStatusHasItsRowAndGoesOnlyToKnownStatuses() {
        assertEquals(EVERY_STATUS, OrderLifecycle.ALLOWED.keySet());
        OrderLifecycle.ALLOWED.values().forEach(targets -> assertTrue(EVERY_STATUS.containsAll(targets), targets::toString));
    }

    @Test
    void statusesKeepTheirWireWords() {
        assertEquals("link_issued", OrderStatus.LINK_ISSUED.wire());
        assertEquals(OrderStatus.LINK_ISSUED, WireWord.of(OrderStatus.class, "link_issued"));
        assertEquals("purged", PersonalData.PURGED.wire());
        assertThrows(IllegalArgumentException.class, () -> WireWord.of(OrderStatus.class, "LINK_ISSUED"));
    }

    @Test
    void cancelledIsTheEndAndNothingGoesBackToScheduled() {
        assertEquals(Set.of(), OrderLifecycle.ALLOWED.get(OrderStatus.CANCELLED));
        EVERY_STATUS.forEach(from -> assertFalse(OrderLifecycle.allowed(from, OrderStatus.SCHEDULED), from::toString));
        EVERY_STATUS.forEach(from -> assertFalse(OrderLifecycle.allowed(from, OrderStatus.LINK_ISSUED), from::toString));
    }

    @Test
    void onlyAnOrderWaitingForItsInvitationCanBeSentFailedOrSuppressed() {
        for (OrderStatus outcome : Set.of(OrderStatus.SENT, OrderStatus.FAILED, OrderStatus.SUPPRESSED)) {
            assertEquals(Set.of(OrderStatus.SCHEDULED), OrderLifecycle.from(outcome), outcome::toString);
        }
        assertFalse(OrderLifecycle.allowed(OrderStatus.CANCELLED, OrderStatus.SENT), "a send racing a cancel cannot revive the order");
    }

    @Test
    void anyOrderButACancelledOneCanBeReviewedAndCancelled() {
        Set<OrderStatus> notCancelled = new java.util.HashSet<>(EVERY_STATUS);
        notCancelled.remove(OrderStatus.CANCELLED);
        Set<OrderStatus> notReviewedNorCancelled = new java.util.HashSet<>(notCancelled);
        notReviewedNorCancelled.remove(OrderStatus.REVIEWED);
        assertEquals(notReviewedNorCancelled, OrderLifecycle.from(OrderStatus.REVIEWED));
        assertEquals(notCancelled, OrderLifecycle.from(OrderStatus.CANCELLED));
    }
}
