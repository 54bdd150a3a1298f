package org.reviewgateway.gateway.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One planned message (invitation or reminder) in the outbox. {@code lastError} never holds an address. */
@MappedEntity("deliveries")
public record Delivery(
        @Id @GeneratedValue @Nullable Long id,
        Long orderId,
        UUID merchantId,
        String kind,
        String status,
        Instant dueAt,
        Instant nextAttemptAt,
        int attempts,
        @Nullable String claimedBy,
        @Nullable Instant claimedUntil,
        @Nullable Instant sentAt,
        @Nullable String messageId,
        @Nullable String lastError,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant firstAttemptAt) {

    public static final String INVITE = "invite";
    public static final String REMINDER = "reminder";

    public static final String PENDING = "pending";
    public static final String RETRYING = "retrying";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public static Delivery pending(String kind, Long orderId, UUID merchantId, Instant dueAt, Instant now) {
        return new Delivery(null, orderId, merchantId, kind, PENDING, dueAt, dueAt, 0,
                null, null, null, null, null, now, now, null);
    }

    public static Delivery pendingInvite(Long orderId, UUID merchantId, Instant dueAt, Instant now) {
        return pending(INVITE, orderId, merchantId, dueAt, now);
    }

    public boolean open() {
        return PENDING.equals(status) || RETRYING.equals(status);
    }
}
