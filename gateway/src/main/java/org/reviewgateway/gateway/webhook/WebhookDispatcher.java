package org.reviewgateway.gateway.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.reviewgateway.config.WebhooksConfiguration;
import org.reviewgateway.gateway.merchant.MerchantAccounts;
import org.reviewgateway.gateway.outbox.RetryWaits;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers what is due in the webhook outbox: claims a batch with a lease (SKIP LOCKED, so replicas never share a
 * message; a crashed replica's claim runs out and the message is taken over, with the same webhook-id), checks each
 * endpoint's addresses again, signs and posts the batch's messages at once, and records each outcome: delivered and
 * given-up messages are deleted, others wait WEBHOOKS_RETRY_INITIAL, doubling up to WEBHOOKS_RETRY_MAX. At least once:
 * a message posted and not yet recorded when the process dies is posted again.
 */
@Singleton
public class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final int BATCH = 20;

    private final WebhookMessageRepository messages;
    private final WebhookRepository webhooks;
    private final WebhookTargets targets;
    private final WebhookPoster poster;
    private final MerchantAccounts merchants;
    private final PiiCipher cipher;
    private final TransactionOperations<Connection> transactions;
    private final WebhooksConfiguration configuration;
    private final Clock clock;
    private final Counter delivered;
    private final Counter retried;
    private final Counter givenUp;
    private final String instance = "webhooks-" + UUID.randomUUID().toString().substring(0, 8);

    WebhookDispatcher(WebhookMessageRepository messages, WebhookRepository webhooks, WebhookTargets targets, WebhookPoster poster,
                      MerchantAccounts merchants, PiiCipher cipher, TransactionOperations<Connection> transactions,
                      WebhooksConfiguration configuration, Clock clock, MeterRegistry registry) {
        this.messages = messages;
        this.webhooks = webhooks;
        this.targets = targets;
        this.poster = poster;
        this.merchants = merchants;
        this.cipher = cipher;
        this.transactions = transactions;
        this.configuration = configuration;
        this.clock = clock;
        this.delivered = outcomeCounter(registry, "delivered");
        this.retried = outcomeCounter(registry, "retry");
        this.givenUp = outcomeCounter(registry, "given_up");
        Gauge.builder("gateway.webhooks.queue", messages, WebhookMessageRepository::countWaiting)
                .description("Webhook messages waiting to be delivered").register(registry);
    }

    private static Counter outcomeCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("gateway.webhooks.attempts").description("Webhook delivery attempts, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** @return how many messages were attempted */
    public int dispatchDue() {
        int attempted = 0;
        while (true) {
            String claim = instance + ":" + UUID.randomUUID();
            List<WebhookMessage> batch = claim(claim);
            if (batch.isEmpty()) {
                return attempted;
            }
            try {
                deliver(batch, claim);
            } finally {
                messages.release(claim);
            }
            attempted += batch.size();
            if (batch.size() < BATCH) {
                return attempted;
            }
        }
    }

    private List<WebhookMessage> claim(String claim) {
        return transactions.executeWrite(status -> {
            Instant databaseNow = messages.databaseNow();
            List<Long> ids = messages.findClaimable(clock.instant(), databaseNow, BATCH);
            if (ids.isEmpty()) {
                return List.of();
            }
            // WEBHOOKS_LEASE outlasts the batch: its messages are posted at once, each bounded by the poster
            messages.claim(ids, claim, databaseNow.plus(configuration.lease()));
            return messages.findByClaimedBy(claim);
        });
    }

    private record InFlight(WebhookMessage message, CompletableFuture<WebhookPoster.Attempt> attempt) {
    }

    private void deliver(List<WebhookMessage> batch, String claim) {
        List<InFlight> inFlight = new ArrayList<>();
        for (WebhookMessage message : batch) {
            Optional<Webhook> webhook = webhooks.findById(message.webhookId());
            if (webhook.isEmpty() || merchants.find(message.merchantId()).isEmpty()) {
                messages.finish(message.id(), claim); // the endpoint or its merchant is gone: nobody to tell
                continue;
            }
            inFlight.add(new InFlight(message, post(webhook.get(), message)));
        }
        for (InFlight f : inFlight) {
            record(f.message(), claim, f.attempt().join());
        }
    }

    private CompletableFuture<WebhookPoster.Attempt> post(Webhook webhook, WebhookMessage message) {
        URI url = URI.create(webhook.url());
        Optional<String> refusal = targets.addressRefusal(url.getHost());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new WebhookPoster.Attempt(null, "refused: the host now resolves to a non-public address"));
        }
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSignature.sign(cipher.unsealSecret(webhook.merchantId(), webhook.secretSealed()),
                message.messageId(), timestamp, message.payload());
        return poster.post(url, Map.of("webhook-id", message.messageId(), "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", signature), message.payload());
    }

    private void record(WebhookMessage message, String claim, WebhookPoster.Attempt attempt) {
        Instant now = clock.instant();
        webhooks.recordAttempt(message.webhookId(), attempt.status(), now.truncatedTo(ChronoUnit.MILLIS));
        if (attempt.delivered()) {
            messages.finish(message.id(), claim);
            delivered.increment();
            return;
        }
        Instant firstAttempt = message.firstAttemptAt() == null ? now : message.firstAttemptAt();
        if (!now.isBefore(firstAttempt.plus(configuration.giveUpAfter()))) {
            messages.finish(message.id(), claim);
            givenUp.increment();
            LOG.warn("Webhook message {} ({}) given up after {} attempts; last: {}", message.messageId(), message.eventType(),
                    message.attempts() + 1, attempt.summary());
            return;
        }
        int attempts = message.attempts() + 1;
        Duration wait = RetryWaits.after(attempts, configuration.retryInitial(), configuration.retryMax(), ThreadLocalRandom.current().nextDouble());
        messages.retry(message.id(), claim, attempts, now.plus(wait), attempt.summary(), now);
        retried.increment();
        LOG.info("Webhook message {} ({}) not delivered ({}); attempt {} of its retries", message.messageId(), message.eventType(),
                attempt.summary(), attempts);
    }
}
