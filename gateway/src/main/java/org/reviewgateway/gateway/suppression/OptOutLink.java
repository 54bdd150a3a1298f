package org.reviewgateway.gateway.suppression;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * What one unsubscribe link needs, kept apart from the personal data so that it outlives the purge:
 * the merchant and the keyed address hash (never the address), until the link can no longer be in an inbox.
 */
@MappedEntity("opt_out_links")
public record OptOutLink(
        @Id byte[] tokenHash,
        UUID merchantId,
        byte[] emailHash,
        Instant expiresAt,
        @Nullable Long orderId) {
}
