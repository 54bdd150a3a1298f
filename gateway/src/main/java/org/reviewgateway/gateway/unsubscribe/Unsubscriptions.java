package org.reviewgateway.gateway.unsubscribe;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.dispatch.DeliveryRepository;
import org.reviewgateway.gateway.order.OrderRepository;
import org.reviewgateway.gateway.order.Recipient;
import org.reviewgateway.gateway.order.RecipientRepository;
import org.reviewgateway.gateway.privacy.SecretTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** One-click opt-out (RFC 8058) and its undo, for one merchant and one address hash. */
@Singleton
public class Unsubscriptions {

    static final String REASON = "unsubscribe";

    private final RecipientRepository recipients;
    private final SuppressionRepository suppressions;
    private final DeliveryRepository deliveries;
    private final OrderRepository orders;
    private final Clock clock;

    Unsubscriptions(RecipientRepository recipients, SuppressionRepository suppressions, DeliveryRepository deliveries,
                    OrderRepository orders, Clock clock) {
        this.recipients = recipients;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.orders = orders;
        this.clock = clock;
    }

    /** The recipient a link stands for, while its personal data is held. */
    public Optional<Recipient> find(String token) {
        return recipients.findByUnsubscribeTokenHash(SecretTokens.hash(token));
    }

    /** Suppresses the address for the merchant and cancels everything still planned to it. */
    @Transactional
    public void unsubscribe(Recipient recipient) {
        Instant now = clock.instant();
        suppressions.suppress(recipient.merchantId(), recipient.emailHash(), REASON, now);
        orders.markScheduledSuppressed(recipient.merchantId(), recipient.emailHash(), now);
        deliveries.cancelPendingTo(recipient.merchantId(), recipient.emailHash(), now);
    }

    @Transactional
    public void resubscribe(Recipient recipient) {
        suppressions.lift(recipient.merchantId(), recipient.emailHash());
    }
}
