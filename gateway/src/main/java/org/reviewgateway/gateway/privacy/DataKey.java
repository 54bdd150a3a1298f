package org.reviewgateway.gateway.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A merchant's data key as stored: wrapped by the master key it names; both null for a merchant of the master-key scheme. */
@MappedEntity("data_keys")
record DataKey(@Id UUID merchantId, @Nullable byte[] wrappedKey, @Nullable String masterKeyId, Instant createdAt,
               @Nullable byte[] legacyHashKey, @Nullable Instant migratedAt) {

    boolean ofTheMasterKeyScheme() {
        return wrappedKey == null;
    }

    @Override
    public String toString() {
        return "DataKey[" + merchantId + "]";
    }
}
