package org.reviewgateway.gateway.connector;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConnectorRepository extends CrudRepository<Connector, String> {

    Optional<Connector> findByMerchantIdAndPlatform(UUID merchantId, Platform platform);

    List<Connector> findByMerchantIdOrderByPlatform(UUID merchantId);

    int deleteByMerchantIdAndPlatform(UUID merchantId, Platform platform);

    @Query("UPDATE connectors SET last_received_at = :now WHERE id = :id")
    void markReceived(String id, Instant now);
}
