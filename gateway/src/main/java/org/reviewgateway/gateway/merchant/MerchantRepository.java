package org.reviewgateway.gateway.merchant;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MerchantRepository extends CrudRepository<Merchant, UUID> {

    Optional<Merchant> findByApiKeyPrefix(String apiKeyPrefix);
}
