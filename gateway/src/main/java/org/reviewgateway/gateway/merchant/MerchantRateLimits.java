package org.reviewgateway.gateway.merchant;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.inject.Singleton;
import org.reviewgateway.config.GatewayConfiguration;

import java.time.Duration;
import java.util.UUID;

/** GATEWAY_RATE_LIMIT requests per second for each merchant; 0 turns the limit off. */
@Singleton
class MerchantRateLimits {

    static final Duration PERIOD = Duration.ofSeconds(1);

    private final RateLimiterRegistry registry;

    MerchantRateLimits(GatewayConfiguration configuration) {
        this.registry = configuration.rateLimit() == 0 ? null : RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(configuration.rateLimit())
                .limitRefreshPeriod(PERIOD)
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    boolean tryAcquire(UUID merchantId) {
        return registry == null || registry.rateLimiter(merchantId.toString()).acquirePermission();
    }
}
