package org.reviewgateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.time.Instant;

/**
 * @param enabled   run the purge on a schedule inside the gateway (RETENTION_ENABLED)
 * @param interval  how often the scheduled purge runs (RETENTION_INTERVAL)
 * @param maxPeriod the longest retention a merchant may choose (RETENTION_MAX_PERIOD)
 */
@Context
@ConfigurationProperties("retention")
public record RetentionConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "PT1H") Duration interval,
        @Bindable(defaultValue = "P365D") Duration maxPeriod) {

    public static final Duration MIN_PERIOD = Duration.ofDays(1);

    public RetentionConfiguration {
        if (maxPeriod != null && maxPeriod.compareTo(MIN_PERIOD) < 0) {
            throw new ConfigurationException("RETENTION_MAX_PERIOD must be at least P1D, got " + maxPeriod);
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new ConfigurationException("RETENTION_INTERVAL must be positive, got " + interval);
        }
    }

    /**
     * When personal data stored at {@code storedAt} may be purged: the merchant's retention counted from
     * {@code keepFrom}, but never later than RETENTION_MAX_PERIOD after it was stored.
     */
    public Instant purgeAfter(Instant keepFrom, Duration retention, Instant storedAt) {
        Instant byRetention = keepFrom.plus(retention);
        Instant cap = storedAt.plus(maxPeriod);
        return byRetention.isBefore(cap) ? byRetention : cap;
    }
}
