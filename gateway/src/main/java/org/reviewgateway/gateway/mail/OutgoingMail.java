package org.reviewgateway.gateway.mail;

import io.micronaut.core.annotation.Nullable;
import org.reviewgateway.gateway.mail.RenderedMessage;

import java.util.Map;

/**
 * One message ready to go. Holds the recipient's address in memory only; {@link #toString()} hides it
 * so that no log line or exception message can carry it by accident.
 */
public record OutgoingMail(
        String messageId,
        String fromAddress,
        String fromName,
        @Nullable String replyTo,
        String to,
        RenderedMessage content,
        Map<String, String> headers) {

    @Override
    public String toString() {
        return "OutgoingMail[" + messageId + "]";
    }
}
