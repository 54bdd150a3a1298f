package org.reviewgateway.gateway.outbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.data.WireWord;

import java.time.Instant;
import java.util.UUID;

/** One planned message (invitation or reminder) in the outbox. {@code lastError} never holds an address. */
@MappedEntity("deliveries")
public record Delivery(
        @Id @GeneratedValue @Nullable Long id,
        Long orderId,
        UUID merchantId,
        @MappedProperty(converter = Kind.Column.class) Kind kind,
        @MappedProperty(converter = Status.Column.class) Status status,
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

    public enum Kind implements WireWord {
        INVITE, REMINDER;

        @Singleton
        public static final class Column extends WireWord.Converter<Kind> {
            public Column() {
                super(Kind.class);
            }
        }
    }

    /** Pending and retrying are open: the outbox will still try them. */
    public enum Status implements WireWord {
        PENDING, RETRYING, SENT, FAILED, CANCELLED;

        public boolean open() {
            return this == PENDING || this == RETRYING;
        }

        @Singleton
        public static final class Column extends WireWord.Converter<Status> {
            public Column() {
                super(Status.class);
            }
        }
    }

    public static Delivery pending(Kind kind, Long orderId, UUID merchantId, Instant dueAt, Instant now) {
        return new Delivery(null, orderId, merchantId, kind, Status.PENDING, dueAt, dueAt, 0,
                null, null, null, null, null, now, now, null);
    }

    public static Delivery pendingInvite(Long orderId, UUID merchantId, Instant dueAt, Instant now) {
        return pending(Kind.INVITE, orderId, merchantId, dueAt, now);
    }

    public boolean open() {
        return status.open();
    }
}
