package org.reviewgateway.gateway.outbox;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Claims due deliveries with a lease. Rows are locked with SKIP LOCKED while being claimed, so
 * dispatchers in several processes never take the same row; a crashed process's claim runs out and
 * the delivery is taken over.
 */
@Singleton
public class DeliveryClaims {

    private final DeliveryRepository deliveries;

    DeliveryClaims(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** Claims up to {@code limit} deliveries due by {@code dueBy}, for {@code lease} by the database's clock. */
    @Transactional
    public List<Delivery> claim(String claim, Instant dueBy, int limit, Duration lease) {
        Instant databaseNow = deliveries.databaseNow();
        List<Long> candidates = deliveries.findClaimCandidates(dueBy, databaseNow, limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Long> ids = deliveries.lockClaimable(candidates, dueBy, databaseNow);
        if (ids.size() < candidates.size()) {
            // another dispatcher is claiming some of them right now: the slower search that skips its rows
            ids = deliveries.findClaimable(dueBy, databaseNow, limit);
            if (ids.isEmpty()) {
                return List.of();
            }
        }
        deliveries.claim(ids, claim, databaseNow.plus(lease));
        return deliveries.findByClaimedBy(claim);
    }

    /** Extends the claim on what it has not finished yet: called while a batch is being worked. */
    @Transactional
    public int renew(String claim, Duration lease) {
        return deliveries.renew(claim, deliveries.databaseNow().plus(lease));
    }

    /** Hands back what this claim did not get to: it stays due, no attempt counted. */
    @Transactional
    public void release(String claim) {
        deliveries.release(claim);
    }
}
