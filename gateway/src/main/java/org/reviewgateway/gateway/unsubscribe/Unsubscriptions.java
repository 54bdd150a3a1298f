package org.reviewgateway.gateway.unsubscribe;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.config.RetentionConfiguration;
import org.reviewgateway.gateway.suppression.AddressLocks;
import org.reviewgateway.gateway.suppression.Suppressions;
import org.reviewgateway.gateway.outbox.Outbox;
import org.reviewgateway.gateway.order.OrderLifecycle;
import org.reviewgateway.gateway.privacy.SecretTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One-click opt-out (RFC 8058) and its undo, for one merchant and one address hash. A link works from
 * its opt-out record, not from the personal data, so it keeps working after the purge.
 */
@Singleton
public class Unsubscriptions {

    /** How long a mailed link may still sit in an inbox after the longest retention. */
    static final Duration INBOX_LIFETIME = Duration.ofDays(365);

    private final OptOutLinkRepository links;
    private final AddressLocks locks;
    private final Suppressions suppressions;
    private final Outbox deliveries;
    private final OrderLifecycle orders;
    private final RetentionConfiguration retention;
    private final Clock clock;

    Unsubscriptions(OptOutLinkRepository links, AddressLocks locks, Suppressions suppressions, Outbox deliveries,
                    OrderLifecycle orders, RetentionConfiguration retention, Clock clock) {
        this.links = links;
        this.locks = locks;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.orders = orders;
        this.retention = retention;
        this.clock = clock;
    }

    /** Called in the transaction that stores the recipient, so every mailed link has its opt-out record. */
    public void recordLink(byte[] tokenHash, UUID merchantId, byte[] emailHash, Instant now) {
        links.insert(tokenHash, merchantId, emailHash, now.plus(retention.maxPeriod()).plus(INBOX_LIFETIME));
    }

    /** The opt-out a link stands for, until it expires. */
    public Optional<OptOutLink> find(String token) {
        return links.findLive(SecretTokens.hash(token), clock.instant());
    }

    /** Suppresses the address for the merchant and cancels everything still planned to it. */
    @Transactional
    public void unsubscribe(OptOutLink link) {
        locks.lock(link.merchantId(), link.emailHash());
        Instant now = clock.instant();
        suppressions.suppress(link.merchantId(), link.emailHash(), Suppressions.Reason.UNSUBSCRIBE);
        orders.suppressScheduledTo(link.merchantId(), link.emailHash());
        deliveries.cancelOpenTo(link.merchantId(), link.emailHash(), now);
    }

    /** Undoes an unsubscribe only: a hard bounce or an erasure request is not the link's to lift. */
    @Transactional
    public void resubscribe(OptOutLink link) {
        suppressions.lift(link.merchantId(), link.emailHash(), Suppressions.Reason.UNSUBSCRIBE);
    }
}
