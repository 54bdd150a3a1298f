package org.reviewgateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the gateway process itself.
 *
 * @param dataDir       where the embedded database and generated key live (GATEWAY_DATA_DIR)
 * @param publicBaseUrl base of review and unsubscribe links; null means http://localhost:&lt;port&gt;
 * @param piiKey        base64 of 32 bytes (GATEWAY_PII_KEY); null means generated once into the data dir
 * @param piiPreviousKeys former master keys, comma-separated base64 (GATEWAY_PII_PREVIOUS_KEYS): still read, never written with
 * @param rateLimit     merchant API requests per second per key, 0 = off (GATEWAY_RATE_LIMIT)
 */
@Context
@ConfigurationProperties("gateway")
public record GatewayConfiguration(
        @Bindable(defaultValue = "./data") String dataDir,
        @Nullable String publicBaseUrl,
        @Nullable String piiKey,
        @Nullable String piiPreviousKeys,
        @Bindable(defaultValue = "5000") int rateLimit) {

    /** Never the keys: a record's own toString would print them into any log line that shows the configuration. */
    @Override
    public String toString() {
        return "GatewayConfiguration[dataDir=" + dataDir + ", publicBaseUrl=" + publicBaseUrl + ", rateLimit=" + rateLimit + "]";
    }

    public GatewayConfiguration {
        if (dataDir == null || dataDir.isBlank()) {
            throw new ConfigurationException("GATEWAY_DATA_DIR must name a directory");
        }
        if (rateLimit < 0) {
            throw new ConfigurationException("GATEWAY_RATE_LIMIT must be 0 (off) or a positive number of requests per second, got " + rateLimit);
        }
        if (publicBaseUrl != null && !publicBaseUrl.isBlank() && !publicBaseUrl.matches("https?://\\S+")) {
            throw new ConfigurationException("GATEWAY_PUBLIC_BASE_URL must be an http(s) URL such as https://reviews.example");
        }
    }
}
