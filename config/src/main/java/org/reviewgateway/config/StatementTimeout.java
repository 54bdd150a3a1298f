package org.reviewgateway.config;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Bounds every SQL statement (DATABASE_STATEMENT_TIMEOUT, default PT30S), so a stuck query ends with an
 * error instead of holding a connection forever. Each database spells the session setting its own way.
 */
@Singleton
public class StatementTimeout implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final Duration timeout;

    StatementTimeout(@Value("${database.statement-timeout:PT30S}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException("DATABASE_STATEMENT_TIMEOUT must be a positive duration, got " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        String url = datasource.getUrl() == null ? "" : datasource.getUrl();
        if (url.startsWith("jdbc:postgresql:")) {
            datasource.setConnectionInitSql("SET statement_timeout = " + timeout.toMillis());
        } else if (url.startsWith("jdbc:h2:")) {
            datasource.setConnectionInitSql("SET QUERY_TIMEOUT " + timeout.toMillis());
        }
        return datasource;
    }
}
