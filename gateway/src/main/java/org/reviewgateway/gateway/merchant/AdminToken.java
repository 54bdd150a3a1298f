package org.reviewgateway.gateway.merchant;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.reviewgateway.config.AdminConfiguration;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.web.BearerToken;

/** GATEWAY_ADMIN_TOKEN, kept only as its hash and compared in constant time with what a request presents. */
@Singleton
public class AdminToken {

    private final byte[] tokenHash;

    AdminToken(AdminConfiguration configuration) {
        this.tokenHash = configuration.enabled() ? SecretTokens.hash(configuration.token()) : null;
    }

    /** Whether an admin token is configured at all (without one the admin API is off). */
    public boolean enabled() {
        return tokenHash != null;
    }

    /** Whether the request carries the admin token as its bearer token. */
    public boolean presentedBy(HttpRequest<?> request) {
        return tokenHash != null && BearerToken.of(request).map(token -> SecretTokens.matches(token, tokenHash)).orElse(false);
    }
}
