package org.reviewgateway.gateway.connector;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/** A merchant's shop connection: the id is the unguessable part of the webhook URL, the secret sealed. */
@MappedEntity("connectors")
public record Connector(
        @Id String id,
        UUID merchantId,
        @MappedProperty(converter = Platform.Column.class) Platform platform,
        byte[] secretSealed,
        String delivery,
        String triggerStatus,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant lastReceivedAt) {

    static final String DELEGATED = "delegated";
    static final String SELF = "self";

    boolean delegated() {
        return DELEGATED.equals(delivery);
    }

    @Override
    public String toString() {
        return "Connector[" + platform.wire() + "]";
    }
}
