package org.reviewgateway.gateway.order;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RecipientRepository extends CrudRepository<Recipient, Long> {

    Optional<Recipient> findByOrderId(Long orderId);
}
