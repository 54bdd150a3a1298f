package org.reviewgateway.gateway.suppression;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.reviewgateway.gateway.activity.DayCount;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Opt-outs and hard bounces per merchant, keyed by the address hash only. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SuppressionRepository extends GenericRepository<Suppression, Long> {

    @Query("""
            INSERT INTO suppressions (merchant_id, email_hash, reason, created_at)
            VALUES (:merchantId, :emailHash, :reason, :now)
            ON CONFLICT DO NOTHING""")
    int suppress(UUID merchantId, byte[] emailHash, String reason, Instant now);

    @Query(value = DayCount.PER_DAY_OF_HAPPENED_AT + """
            SELECT created_at AS happened_at FROM suppressions
            WHERE merchant_id = :merchantId AND reason = :reason AND created_at >= :from AND created_at < :until""" + DayCount.END_PER_DAY,
            nativeQuery = true)
    List<DayCount> countPerDay(UUID merchantId, String reason, Instant from, Instant until);

    @Query("DELETE FROM suppressions WHERE merchant_id = :merchantId AND email_hash = :emailHash AND reason = :reason")
    int lift(UUID merchantId, byte[] emailHash, String reason);
}
