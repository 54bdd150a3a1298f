package org.reviewgateway.gateway.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.reviewgateway.config.DispatchConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a batch's claim alive while it is worked: renews it every third of DISPATCH_LEASE, however long
 * one message takes. A process that stops renewing (dead, frozen, cut off from the database) loses the
 * claim when the lease runs out by the database's clock, and another dispatcher takes the rest over.
 */
@Singleton
public class ClaimLeases {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimLeases.class);

    private final DeliveryClaims claims;
    private final Duration lease;
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dispatch-claim-renewal");
        thread.setDaemon(true);
        return thread;
    });

    ClaimLeases(DeliveryClaims claims, DispatchConfiguration configuration) {
        this.claims = claims;
        this.lease = configuration.lease();
    }

    /** Starts renewing a claim just taken; close the result when the batch is done. */
    public ClaimRenewal keep(String claim) {
        ClaimRenewal renewal = new ClaimRenewal(System.nanoTime() + lease.toNanos());
        long period = Math.max(1, lease.toMillis() / 3);
        renewal.task = renewer.scheduleWithFixedDelay(() -> renew(claim, renewal), period, period, TimeUnit.MILLISECONDS);
        return renewal;
    }

    private void renew(String claim, ClaimRenewal renewal) {
        long requested = System.nanoTime();
        try {
            claims.renew(claim, lease);
            renewal.validUntilNanos = requested + lease.toNanos();
        } catch (RuntimeException e) {
            LOG.warn("Claim could not be renewed ({}); the batch stops before its lease runs out", e.getClass().getName());
        }
    }

    /** One batch's renewal. */
    public final class ClaimRenewal implements AutoCloseable {

        private volatile long validUntilNanos;
        private volatile ScheduledFuture<?> task;

        private ClaimRenewal(long validUntilNanos) {
            this.validUntilNanos = validUntilNanos;
        }

        /** Whether the claim surely still holds for a while (a fifth of the lease): else no new message is started. */
        public boolean holds() {
            return System.nanoTime() < validUntilNanos - lease.toNanos() / 5;
        }

        @Override
        public void close() {
            task.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        renewer.shutdownNow();
    }
}
