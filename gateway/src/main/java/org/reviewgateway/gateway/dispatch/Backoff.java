package org.reviewgateway.gateway.dispatch;

import org.reviewgateway.config.DispatchConfiguration;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try again after a temporary failure: DISPATCH_RETRY_INITIAL, doubling, at most
 * DISPATCH_RETRY_MAX; stored in the row, so the schedule survives restarts.
 */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int attempts, DispatchConfiguration configuration) {
        Duration wait = configuration.retryInitial();
        for (int i = 1; i < attempts && wait.compareTo(configuration.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(configuration.retryMax()) > 0 ? configuration.retryMax() : wait;
    }

    /** A delivery still failing temporarily DISPATCH_GIVE_UP_AFTER past its due time fails for good. */
    static boolean givenUp(Delivery delivery, Instant now, DispatchConfiguration configuration) {
        return !now.isBefore(delivery.dueAt().plus(configuration.giveUpAfter()));
    }
}
