package org.reviewgateway.gateway.webhook;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.web.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** A merchant's webhook endpoints: created with a secret shown once, listed without it, deleted with what still waits for them. */
@Singleton
class Webhooks {

    static final int LIMIT = 10;
    private static final int ID_BYTES = 8;
    private static final int SECRET_BYTES = 32;

    private final WebhookRepository webhooks;
    private final WebhookMessageRepository messages;
    private final PiiCipher cipher;
    private final SecretTokens tokens;
    private final Clock clock;

    Webhooks(WebhookRepository webhooks, WebhookMessageRepository messages, PiiCipher cipher, SecretTokens tokens, Clock clock) {
        this.webhooks = webhooks;
        this.messages = messages;
        this.cipher = cipher;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A new endpoint and its secret in clear: the only time the secret leaves the gateway's hands. */
    record Created(Webhook webhook, String secret) {

        @Override
        public String toString() {
            return "Created[" + webhook + "]";
        }
    }

    @Transactional
    public Created create(Merchant merchant, String url, List<WebhookEvent> events) {
        webhooks.lockMerchant(merchant.id());
        if (webhooks.countByMerchantId(merchant.id()) >= LIMIT) {
            throw new TooManyWebhooksException(LIMIT);
        }
        byte[] key = tokens.newBytes(SECRET_BYTES);
        String secret = WebhookSignature.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
        Arrays.fill(key, (byte) 0);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Webhook webhook = webhooks.save(new Webhook(tokens.newHex(ID_BYTES), merchant.id(), url, Webhook.column(events),
                cipher.sealSecret(merchant.id(), secret), now, null, null));
        return new Created(webhook, secret);
    }

    List<Webhook> all(Merchant merchant) {
        return webhooks.findByMerchantIdOrderByCreatedAt(merchant.id());
    }

    /** The endpoint goes with every message still waiting for it: nothing more is posted there. */
    @Transactional
    public void delete(Merchant merchant, String id) {
        Webhook webhook = webhooks.findByIdAndMerchantId(id, merchant.id())
                .orElseThrow(() -> new NotFoundException("This merchant has no webhook with this id."));
        messages.deleteByWebhookId(webhook.id());
        webhooks.delete(webhook);
    }
}
