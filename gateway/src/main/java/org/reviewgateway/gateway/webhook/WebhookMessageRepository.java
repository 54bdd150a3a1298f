package org.reviewgateway.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/** The webhook outbox. Delivered and given-up messages are deleted; what is left is due, waiting, or being sent. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WebhookMessageRepository extends CrudRepository<WebhookMessage, Long> {

    /** Due and unclaimed, or whose claim ran out by the database's clock; rows being claimed elsewhere are skipped. */
    @Query(value = """
            SELECT id FROM webhook_messages
            WHERE next_attempt_at <= :dueBy
              AND (claimed_until IS NULL OR claimed_until < :databaseNow)
            ORDER BY next_attempt_at
            LIMIT :limit
            FOR UPDATE SKIP LOCKED""", nativeQuery = true)
    List<Long> findClaimable(Instant dueBy, Instant databaseNow, int limit);

    @Query(value = "SELECT CURRENT_TIMESTAMP", nativeQuery = true)
    Instant databaseNow();

    @Query("UPDATE webhook_messages SET claimed_by = :claim, claimed_until = :until WHERE id IN (:ids)")
    int claim(List<Long> ids, String claim, Instant until);

    List<WebhookMessage> findByClaimedBy(String claimedBy);

    /** Done (delivered, given up, or its endpoint gone): only while the claim is still ours. */
    @Query("DELETE FROM webhook_messages WHERE id = :id AND claimed_by = :claim")
    int finish(Long id, String claim);

    @Query("""
            UPDATE webhook_messages SET status = 'retrying', attempts = :attempts, next_attempt_at = :nextAttemptAt,
              first_attempt_at = COALESCE(first_attempt_at, :now), last_error = :lastError,
              claimed_by = NULL, claimed_until = NULL
            WHERE id = :id AND claimed_by = :claim""")
    int retry(Long id, String claim, int attempts, Instant nextAttemptAt, @Nullable String lastError, Instant now);

    @Query("UPDATE webhook_messages SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = :claim")
    int release(String claim);

    int deleteByWebhookId(String webhookId);

    @Query("SELECT COUNT(*) FROM webhook_messages")
    long countWaiting();
}
