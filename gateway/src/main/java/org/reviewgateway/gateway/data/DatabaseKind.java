package org.reviewgateway.gateway.data;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Which database the gateway runs on, for the few statements each spells its own way. */
@Singleton
public class DatabaseKind {

    private final boolean postgres;

    DatabaseKind(@Value("${datasources.default.url:}") String databaseUrl) {
        this.postgres = databaseUrl.startsWith("jdbc:postgresql:");
    }

    public boolean postgres() {
        return postgres;
    }
}
