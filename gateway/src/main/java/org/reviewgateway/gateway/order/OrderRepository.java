package org.reviewgateway.gateway.order;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import org.reviewgateway.gateway.activity.DayCount;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The orders table; only the order package uses it (other features go through {@link OrderLifecycle} and {@link OrderLookup}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrderRepository extends CrudRepository<Order, Long> {

    @Query(value = DayCount.PER_DAY_OF_HAPPENED_AT + """
            SELECT created_at AS happened_at FROM orders
            WHERE merchant_id = :merchantId AND created_at >= :from AND created_at < :until""" + DayCount.END_PER_DAY, nativeQuery = true)
    List<DayCount> countPerDay(UUID merchantId, Instant from, Instant until);

    List<Order> findByIdIn(Collection<Long> ids);

    Optional<Order> findByMerchantIdAndTransactionId(UUID merchantId, String transactionId);

    /** Moves the status only from one of the expected ones, so concurrent outcomes cannot undo each other. */
    @Query("UPDATE orders SET status = :status, updated_at = :now WHERE id = :id AND status IN (:expected)")
    int moveStatus(Long id, Collection<String> expected, OrderStatus status, Instant now);

    Optional<Order> findByReviewTokenHash(byte[] reviewTokenHash);

    @Query("""
            UPDATE orders SET status = 'cancelled', updated_at = :now
            WHERE id = :id AND status = 'scheduled' AND NOT EXISTS (SELECT 1 FROM recipients r WHERE r.order_id = orders.id)""")
    int cancelScheduledWithoutData(Long id, Instant now);

    @Query("""
            UPDATE orders SET status = 'suppressed', updated_at = :now
            WHERE status = 'scheduled'
              AND id IN (SELECT order_id FROM recipients WHERE merchant_id = :merchantId
                         AND (email_hash = :emailHash OR legacy_email_hash = :emailHash))""")
    int markScheduledSuppressed(UUID merchantId, byte[] emailHash, Instant now);
}
