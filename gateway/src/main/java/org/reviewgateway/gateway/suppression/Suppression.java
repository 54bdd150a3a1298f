package org.reviewgateway.gateway.suppression;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** An address this merchant must not write to again: only its keyed hash, and why. */
@MappedEntity("suppressions")
public record Suppression(
        @Id @GeneratedValue @Nullable Long id,
        UUID merchantId,
        byte[] emailHash,
        String reason,
        Instant createdAt) {
}
