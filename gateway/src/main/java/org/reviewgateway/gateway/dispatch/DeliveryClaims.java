package org.reviewgateway.gateway.dispatch;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Claims due deliveries with a lease. Rows are locked with SKIP LOCKED while being claimed, so
 * dispatchers in several processes never take the same row; a crashed process's claim runs out and
 * the delivery is taken over.
 */
@Singleton
class DeliveryClaims {

    private final DeliveryRepository deliveries;

    DeliveryClaims(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Transactional
    public List<Delivery> claim(String claim, Instant now, int limit, Instant leaseUntil) {
        List<Long> ids = deliveries.findClaimable(now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        deliveries.claim(ids, claim, leaseUntil);
        return deliveries.findByClaimedBy(claim);
    }

    /** Hands back what this claim did not get to: it stays due, no attempt counted. */
    @Transactional
    public void release(String claim) {
        deliveries.release(claim);
    }
}
