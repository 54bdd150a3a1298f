package org.reviewgateway.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.reviewgateway.gateway.product.ProductRating;
import org.reviewgateway.retention.WebhookOutbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What other features report for the merchant's webhooks, each call inside the caller's transaction (so an event is
 * written exactly when its change commits). The data of an event names the order by its transaction id and never holds
 * personal data.
 */
@Singleton
public class WebhookEvents {

    private final WebhookOutbox outbox;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    WebhookEvents(WebhookOutbox outbox, TransactionOperations<Connection> transactions, JsonMapper json) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
    }

    /** An invitation or reminder was handed to the mail server. */
    @Transactional
    public void invitationSent(UUID merchantId, String transactionId, String kind, Instant sentAt) {
        record(merchantId, WebhookEvent.INVITATION_SENT, data(transactionId, "kind", kind, "sentAt", WebhookOutbox.timestamp(sentAt)), sentAt);
    }

    /** An invitation or reminder failed for good. */
    @Transactional
    public void invitationFailed(UUID merchantId, String transactionId, String kind, Instant failedAt) {
        record(merchantId, WebhookEvent.INVITATION_FAILED, data(transactionId, "kind", kind, "failedAt", WebhookOutbox.timestamp(failedAt)), failedAt);
    }

    @Transactional
    public void reviewCreated(UUID merchantId, String transactionId, int rating, @Nullable String comment, List<ProductRating> products,
                              Instant createdAt) {
        Map<String, Object> data = data(transactionId, "rating", rating, "comment", comment);
        data.put("products", products);
        data.put("createdAt", WebhookOutbox.timestamp(createdAt));
        record(merchantId, WebhookEvent.REVIEW_CREATED, data, createdAt);
    }

    /** A recipient opted out through its link; the transaction is the order the link was mailed for, when known. */
    @Transactional
    public void recipientUnsubscribed(UUID merchantId, @Nullable String transactionId, Instant at) {
        record(merchantId, WebhookEvent.RECIPIENT_UNSUBSCRIBED, data(transactionId, "unsubscribedAt", WebhookOutbox.timestamp(at), null, null), at);
    }

    private static Map<String, Object> data(@Nullable String transactionId, String key1, Object value1, @Nullable String key2, Object value2) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", transactionId);
        data.put(key1, value1);
        if (key2 != null) {
            data.put(key2, value2);
        }
        return data;
    }

    private void record(UUID merchantId, WebhookEvent event, Map<String, Object> data, Instant at) {
        try {
            outbox.record(transactions.getConnection(), merchantId, event.wire(), json.writeValueAsString(data), at);
        } catch (SQLException e) {
            throw new DataAccessException("could not record the webhook event", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
