package org.reviewgateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Settings of the gateway process itself.
 *
 * @param dataDir       where the embedded database and generated key live (GATEWAY_DATA_DIR)
 * @param publicBaseUrl base of review and unsubscribe links; null means http://localhost:&lt;port&gt;
 * @param piiKey        base64 of 32 bytes (GATEWAY_PII_KEY); null means generated once into the data dir
 * @param rateLimit     merchant API requests per second per key, 0 = off (GATEWAY_RATE_LIMIT)
 */
@ConfigurationProperties("gateway")
public record GatewayConfiguration(
        @Bindable(defaultValue = "./data") @NotBlank String dataDir,
        @Nullable String publicBaseUrl,
        @Nullable String piiKey,
        @Bindable(defaultValue = "5000") @PositiveOrZero int rateLimit) {
}
