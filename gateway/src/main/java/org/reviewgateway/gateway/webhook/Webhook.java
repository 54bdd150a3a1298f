package org.reviewgateway.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A merchant's webhook endpoint; {@code events} holds the subscribed names between commas, the secret is sealed. */
@MappedEntity("webhooks")
record Webhook(
        @Id String id,
        UUID merchantId,
        String url,
        String events,
        byte[] secretSealed,
        Instant createdAt,
        @Nullable Integer lastStatus,
        @Nullable Instant lastAttemptAt) {

    static String column(List<WebhookEvent> events) {
        StringBuilder column = new StringBuilder(",");
        events.forEach(e -> column.append(e.wire()).append(','));
        return column.toString();
    }

    List<String> eventNames() {
        return Arrays.stream(events.split(",")).filter(name -> !name.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "Webhook[" + id + "]";
    }
}
