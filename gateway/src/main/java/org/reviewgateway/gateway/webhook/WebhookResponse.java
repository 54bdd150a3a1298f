package org.reviewgateway.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A webhook as the merchant sees it: never its secret. */
@Serdeable
record WebhookResponse(
        String id,
        String url,
        List<String> events,
        Instant createdAt,
        @Nullable @Schema(description = "the HTTP status of the last attempt; null before the first, or when it got no answer") Integer lastStatus,
        @Nullable @Schema(description = "when the last delivery was attempted; null before the first") Instant lastAttemptAt) {

    static WebhookResponse of(Webhook w) {
        return new WebhookResponse(w.id(), w.url(), w.eventNames(), w.createdAt(), w.lastStatus(), w.lastAttemptAt());
    }

    @Serdeable
    record Listing(List<WebhookResponse> webhooks) {
    }

    /** The answer to a creation: the only time the secret is shown. */
    @Serdeable
    record Created(String id, String url, List<String> events,
                   @Schema(description = "whsec_ and the base64 of 32 random bytes: verify each delivery's webhook-signature with it; "
                           + "shown this once") String secret,
                   Instant createdAt) {
    }
}
