package org.reviewgateway.gateway.template;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TemplateRepository extends CrudRepository<Template, Long> {

    Optional<Template> findByMerchantIdAndLocale(UUID merchantId, String locale);

    List<Template> findByMerchantIdOrderByLocale(UUID merchantId);

    int deleteByMerchantIdAndLocale(UUID merchantId, String locale);
}
