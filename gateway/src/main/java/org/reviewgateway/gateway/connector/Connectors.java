package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.data.UniqueViolation;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.NotFoundException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A merchant's shop connectors: one per platform, its webhook URL stable across changes of secret or settings. */
@Singleton
class Connectors {

    private static final int ID_BYTES = 16;
    static final Duration RECEIVED_RESOLUTION = Duration.ofMinutes(1);

    private final ConnectorRepository connectors;
    private final PiiCipher cipher;
    private final SecretTokens tokens;
    private final Clock clock;

    Connectors(ConnectorRepository connectors, PiiCipher cipher, SecretTokens tokens, Clock clock) {
        this.connectors = connectors;
        this.cipher = cipher;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** What a PUT asks for; a field left out keeps its stored value (or its default on creation). */
    record Change(@Nullable String secret, @Nullable String delivery, @Nullable String trigger) {

        @Override
        public String toString() {
            return "Change[delivery=" + delivery + ", trigger=" + trigger + "]";
        }
    }

    /** Creates the platform's connector or changes it; a PUT racing another for the same platform is applied after it. */
    Connector put(Merchant merchant, Platform platform, Change change) {
        try {
            return save(merchant, platform, change);
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCauseOf(e)) {
                throw e;
            }
            return save(merchant, platform, change);
        }
    }

    private Connector save(Merchant merchant, Platform platform, Change change) {
        Instant now = clock.instant();
        Optional<Connector> existing = connectors.findByMerchantIdAndPlatform(merchant.id(), platform);
        if (existing.isEmpty()) {
            if (change.secret() == null) {
                throw new InvalidInputException("secret", "is required when the connector is created");
            }
            Connector created = new Connector(tokens.newHex(ID_BYTES), merchant.id(), platform, cipher.sealSecret(merchant.id(), change.secret()),
                    change.delivery() == null ? Connector.DELEGATED : change.delivery(),
                    change.trigger() == null ? platform.defaultTrigger : change.trigger(), now, now, null);
            return connectors.save(created);
        }
        Connector c = existing.get();
        // A kept secret is sealed again with the merchant's keys of now, never written back as read (a move may have re-sealed it).
        Connector updated = new Connector(c.id(), c.merchantId(), platform,
                cipher.sealSecret(merchant.id(), change.secret() == null ? cipher.unsealSecret(merchant.id(), c.secretSealed()) : change.secret()),
                change.delivery() == null ? c.delivery() : change.delivery(),
                change.trigger() == null ? c.triggerStatus() : change.trigger(), c.createdAt(), now, c.lastReceivedAt());
        return connectors.update(updated);
    }

    List<Connector> all(Merchant merchant) {
        return connectors.findByMerchantIdOrderByPlatform(merchant.id());
    }

    void delete(Merchant merchant, Platform platform) {
        if (connectors.deleteByMerchantIdAndPlatform(merchant.id(), platform) == 0) {
            throw new NotFoundException("This merchant has no " + platform.wire() + " connector.");
        }
    }

    /** The connector a webhook URL names, for its platform only. */
    Connector forHook(String connectorId, Platform platform) {
        return connectors.findById(connectorId).filter(c -> c.platform() == platform)
                .orElseThrow(() -> new NotFoundException("No connector has this webhook URL (deleted, or never made)."));
    }

    String secretOf(Connector connector) {
        return cipher.unsealSecret(connector.merchantId(), connector.secretSealed());
    }

    /**
     * A delivery with a valid signature arrived: the merchant can see the shop is connected. Written at most once a
     * minute, so that a busy shop's webhooks do not queue on the connector's row.
     */
    void received(Connector connector) {
        Instant now = clock.instant();
        if (connector.lastReceivedAt() == null || connector.lastReceivedAt().isBefore(now.minus(RECEIVED_RESOLUTION))) {
            connectors.markReceived(connector.id(), now);
        }
    }
}
