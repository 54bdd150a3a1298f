package org.reviewgateway.gateway.order;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RecipientRepository extends CrudRepository<Recipient, Long> {

    Optional<Recipient> findByOrderId(Long orderId);

    boolean existsByOrderId(Long orderId);

    List<Recipient> findByOrderIdIn(Collection<Long> orderIds);


    @Query("""
            SELECT * FROM recipients WHERE merchant_id = :merchantId
              AND (email_hash IN (:current, :legacy) OR legacy_email_hash IN (:current, :legacy))""")
    List<Recipient> findByAddress(UUID merchantId, byte[] current, byte[] legacy);

    @Query("SELECT order_id FROM recipients WHERE merchant_id = :merchantId ORDER BY order_id LIMIT :limit")
    List<Long> findOrderIdsByMerchantId(UUID merchantId, int limit);


    @Query("UPDATE recipients SET purge_after = :purgeAfter WHERE order_id = :orderId")
    int updatePurgeAfter(Long orderId, Instant purgeAfter);
}
