package org.reviewgateway.gateway.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * The personal data of one delegated order: the only place it exists, encrypted. The address hash
 * finds an address again (erasure, suppression, cooldown) without storing it; the customer digest
 * tells a repeated request from a conflicting one.
 */
@MappedEntity("recipients")
public record Recipient(
        @Id @GeneratedValue @Nullable Long id,
        Long orderId,
        UUID merchantId,
        String keyId,
        byte[] emailCipher,
        @Nullable byte[] nameCipher,
        byte[] emailHash,
        byte[] customerDigest,
        Instant purgeAfter,
        Instant createdAt,
        @Nullable byte[] unsubscribeTokenHash,
        @Nullable byte[] legacyEmailHash) {

    /** This recipient for its order, once the order has its ID (and so its unsubscribe token). */
    Recipient withOrder(Long order, byte[] unsubscribeToken) {
        return new Recipient(id, order, merchantId, keyId, emailCipher, nameCipher, emailHash, customerDigest, purgeAfter, createdAt,
                unsubscribeToken, legacyEmailHash);
    }
}
