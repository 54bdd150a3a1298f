package org.reviewgateway.gateway.merchant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MerchantRepository extends CrudRepository<Merchant, UUID> {

    @Query("SELECT * FROM merchants WHERE api_key_prefix = :apiKeyPrefix AND deleted_at IS NULL")
    Optional<Merchant> findLiveByApiKeyPrefix(String apiKeyPrefix);

    /** A merchant whose offboarding has not begun. */
    @Query("SELECT * FROM merchants WHERE id = :id AND deleted_at IS NULL")
    Optional<Merchant> findLive(UUID id);

    /** Begins the offboarding: the API key is void at once; the row itself goes last, after the merchant's data. */
    @Query("UPDATE merchants SET deleted_at = :now, api_key_hash = :voidHash, updated_at = :now WHERE id = :id AND deleted_at IS NULL")
    int markDeleted(UUID id, Instant now, byte[] voidHash);
}
