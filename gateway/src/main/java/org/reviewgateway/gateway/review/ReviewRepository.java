package org.reviewgateway.gateway.review;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import org.reviewgateway.gateway.activity.DayCount;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReviewRepository extends CrudRepository<Review, Long> {

    @Query(value = DayCount.PER_DAY_OF_HAPPENED_AT + """
            SELECT created_at AS happened_at FROM reviews
            WHERE merchant_id = :merchantId AND created_at >= :from AND created_at < :until""" + DayCount.END_PER_DAY, nativeQuery = true)
    List<DayCount> countPerDay(UUID merchantId, Instant from, Instant until);

    Optional<Review> findByOrderId(Long orderId);

    @Query("UPDATE reviews SET comment = NULL WHERE order_id IN (:orderIds) AND comment IS NOT NULL")
    int forgetComments(List<Long> orderIds);

    /** A merchant's reviews in (createdAt, id) order after a position, for keyset paging. */
    @Query(value = """
            SELECT r.*, o.transaction_id FROM reviews r JOIN orders o ON o.id = r.order_id
            WHERE r.merchant_id = :merchantId
              AND (r.created_at > :afterTime OR (r.created_at = :afterTime AND r.id > :afterId))
            ORDER BY r.created_at, r.id
            LIMIT :limit""", nativeQuery = true)
    List<ReviewRow> findPage(UUID merchantId, Instant afterTime, long afterId, int limit);

    /** A merchant's reviews in descending (createdAt, id) order before a position: newest first. */
    @Query(value = """
            SELECT r.*, o.transaction_id FROM reviews r JOIN orders o ON o.id = r.order_id
            WHERE r.merchant_id = :merchantId
              AND (r.created_at < :beforeTime OR (r.created_at = :beforeTime AND r.id < :beforeId))
            ORDER BY r.created_at DESC, r.id DESC
            LIMIT :limit""", nativeQuery = true)
    List<ReviewRow> findPageBefore(UUID merchantId, Instant beforeTime, long beforeId, int limit);
}
