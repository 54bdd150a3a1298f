package org.reviewgateway.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebhookRepository extends CrudRepository<Webhook, String> {

    List<Webhook> findByMerchantIdOrderByCreatedAt(UUID merchantId);

    Optional<Webhook> findByIdAndMerchantId(String id, UUID merchantId);

    long countByMerchantId(UUID merchantId);

    /** Locks the merchant's row so that two creations at once cannot both pass the limit. */
    @Query(value = "SELECT id FROM merchants WHERE id = :merchantId FOR UPDATE", nativeQuery = true)
    Optional<UUID> lockMerchant(UUID merchantId);

    @Query("UPDATE webhooks SET last_status = :status, last_attempt_at = :at WHERE id = :id")
    void recordAttempt(String id, @Nullable Integer status, Instant at);
}
