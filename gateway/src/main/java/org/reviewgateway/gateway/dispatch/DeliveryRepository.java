package org.reviewgateway.gateway.dispatch;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeliveryRepository extends CrudRepository<Delivery, Long> {

    List<Delivery> findByOrderIdOrderById(Long orderId);
}
