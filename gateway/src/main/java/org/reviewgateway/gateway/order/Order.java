package org.reviewgateway.gateway.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * An order as the gateway keeps it: anonymous. The review token is stored as a hash (to find the
 * order) and sealed with the data key (to print the link again); never in clear.
 */
@MappedEntity("orders")
public record Order(
        @Id @GeneratedValue @Nullable Long id,
        UUID merchantId,
        String transactionId,
        String delivery,
        @Nullable String locale,
        @MappedProperty(converter = OrderStatus.Column.class) OrderStatus status,
        @MappedProperty(converter = PersonalData.Column.class) PersonalData personalData,
        byte[] reviewTokenHash,
        byte[] reviewTokenSealed,
        byte[] requestDigest,
        @Nullable Instant sendAt,
        Instant createdAt,
        Instant updatedAt) {

    /** This order as recorded when its address is suppressed or in its cooldown: nothing personal, nothing planned. */
    Order refused(OrderStatus refusal) {
        return new Order(id, merchantId, transactionId, delivery, locale, refusal, PersonalData.NONE,
                reviewTokenHash, reviewTokenSealed, requestDigest, null, createdAt, updatedAt);
    }
}
