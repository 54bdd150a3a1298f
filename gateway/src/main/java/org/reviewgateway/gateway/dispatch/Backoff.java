package org.reviewgateway.gateway.dispatch;

import org.reviewgateway.gateway.outbox.Delivery;
import org.reviewgateway.gateway.outbox.RetryWaits;
import org.reviewgateway.config.DispatchConfiguration;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try again after a temporary failure: DISPATCH_RETRY_INITIAL, doubling, at most
 * DISPATCH_RETRY_MAX, less up to a quarter at random (so deliveries that failed together do not
 * return together); stored in the row, so the schedule survives restarts.
 */
final class Backoff {

    private Backoff() {
    }

    /** @param unitRandom a number in [0, 1): how much of the quarter to take off */
    static Duration after(int attempts, DispatchConfiguration configuration, double unitRandom) {
        return RetryWaits.after(attempts, configuration.retryInitial(), configuration.retryMax(), unitRandom);
    }

    /**
     * A delivery still failing temporarily DISPATCH_GIVE_UP_AFTER past its first attempt fails for good (counted
     * from the attempt, not the due time: a shop may have set that in the past).
     */
    static boolean givenUp(Delivery delivery, Instant now, DispatchConfiguration configuration) {
        Instant firstAttempt = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
        return !now.isBefore(firstAttempt.plus(configuration.giveUpAfter()));
    }
}
