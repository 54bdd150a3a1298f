package org.reviewgateway.gateway.outbox;

import java.time.Duration;

/**
 * How long an outbox row waits after its n-th failed attempt, for mail and webhooks alike: the initial wait, doubling,
 * at most the longest, less up to a quarter at random (so rows that failed together do not return together).
 */
public final class RetryWaits {

    private RetryWaits() {
    }

    /** @param unitRandom a number in [0, 1): how much of the quarter to take off */
    public static Duration after(int attempts, Duration initial, Duration longest, double unitRandom) {
        Duration wait = initial;
        for (int i = 1; i < attempts && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        Duration capped = wait.compareTo(longest) > 0 ? longest : wait;
        return capped.minusMillis((long) (capped.toMillis() * 0.25 * unitRandom));
    }
}
