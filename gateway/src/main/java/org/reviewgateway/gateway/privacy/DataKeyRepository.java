package org.reviewgateway.gateway.privacy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface DataKeyRepository extends CrudRepository<DataKey, UUID> {

    @Query("SELECT merchant_id FROM data_keys WHERE wrapped_key IS NULL ORDER BY merchant_id")
    List<UUID> findOfTheMasterKeyScheme();

    @Query("SELECT merchant_id FROM data_keys WHERE legacy_hash_key IS NOT NULL AND migrated_at IS NULL AND created_at < :switchedBefore ORDER BY merchant_id")
    List<UUID> findMoving(Instant switchedBefore);

    /** Only one replica wins the switch: the row must still be of the master-key scheme. */
    @Query("""
            UPDATE data_keys SET wrapped_key = :wrappedKey, master_key_id = :masterKeyId, legacy_hash_key = :legacyHashKey, created_at = :now
            WHERE merchant_id = :merchantId AND wrapped_key IS NULL""")
    int beginMove(UUID merchantId, byte[] wrappedKey, String masterKeyId, byte[] legacyHashKey, Instant now);

    /** Only once no recipient of the merchant is left sealed otherwise (a late write of the old scheme keeps it moving). */
    @Query("""
            UPDATE data_keys SET migrated_at = :now WHERE merchant_id = :merchantId AND migrated_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM recipients r WHERE r.merchant_id = :merchantId AND r.key_id <> 'merchant')""")
    int markMoved(UUID merchantId, Instant now);
}
