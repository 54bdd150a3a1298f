package org.reviewgateway.gateway.suppression;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.config.RetentionConfiguration;
import org.reviewgateway.gateway.privacy.SecretTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What an unsubscribe link stands for (merchant and keyed address hash, never the address), kept apart
 * from the personal data so that a link keeps working after the purge.
 */
@Singleton
public class OptOutLinks {

    /** How long a mailed link may still sit in an inbox after the longest retention. */
    static final Duration INBOX_LIFETIME = Duration.ofDays(365);

    private final OptOutLinkRepository links;
    private final RetentionConfiguration retention;
    private final Clock clock;

    OptOutLinks(OptOutLinkRepository links, RetentionConfiguration retention, Clock clock) {
        this.links = links;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Called in the transaction that stores the recipient (or sends a test), so every mailed link has its record.
     *
     * @param orderId the order the link is mailed for; null for a test message
     */
    public void record(byte[] tokenHash, UUID merchantId, byte[] emailHash, @Nullable Long orderId, Instant now) {
        links.insert(tokenHash, merchantId, emailHash, now.plus(retention.maxPeriod()).plus(INBOX_LIFETIME), orderId);
    }

    /** The opt-out a link stands for, until it expires. */
    public Optional<OptOutLink> find(String token) {
        return links.findLive(SecretTokens.hash(token), clock.instant());
    }
}
