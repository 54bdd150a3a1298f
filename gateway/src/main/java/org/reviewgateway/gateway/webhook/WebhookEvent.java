package org.reviewgateway.gateway.webhook;

import org.reviewgateway.retention.WebhookOutbox;

import java.util.Arrays;
import java.util.Optional;

/** The events a merchant may subscribe to, by their wire names. */
public enum WebhookEvent {
    INVITATION_SENT("invitation.sent"),
    INVITATION_FAILED("invitation.failed"),
    REVIEW_CREATED("review.created"),
    RECIPIENT_UNSUBSCRIBED("recipient.unsubscribed"),
    PERSONAL_DATA_PURGED(WebhookOutbox.PERSONAL_DATA_PURGED);

    private final String wire;

    WebhookEvent(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static Optional<WebhookEvent> of(String wire) {
        return Arrays.stream(values()).filter(e -> e.wire.equals(wire)).findFirst();
    }
}
