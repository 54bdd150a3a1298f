package org.reviewgateway.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One event for one endpoint, waiting in the webhook outbox; {@code messageId} is its webhook-id on every attempt. */
@MappedEntity("webhook_messages")
record WebhookMessage(
        @Id @GeneratedValue @Nullable Long id,
        String messageId,
        String webhookId,
        UUID merchantId,
        String eventType,
        String payload,
        String status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Instant firstAttemptAt,
        @Nullable String claimedBy,
        @Nullable Instant claimedUntil,
        @Nullable String lastError,
        Instant createdAt) {

    static final String PENDING = "pending";
    static final String RETRYING = "retrying";

    @Override
    public String toString() {
        return "WebhookMessage[" + messageId + ", " + eventType + "]";
    }
}
