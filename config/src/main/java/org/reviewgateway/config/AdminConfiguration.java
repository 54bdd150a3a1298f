package org.reviewgateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * @param token bearer token of the admin API (GATEWAY_ADMIN_TOKEN); unset keeps the admin API off
 */
@Context
@ConfigurationProperties("gateway.admin")
public record AdminConfiguration(@Nullable String token) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }
}
