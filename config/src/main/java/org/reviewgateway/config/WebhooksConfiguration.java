package org.reviewgateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Outbound merchant webhooks.
 *
 * @param enabled               deliver webhook events from this process (WEBHOOKS_ENABLED)
 * @param allowPrivateNetworks  allow endpoints on loopback, private, link-local and unique-local addresses and plain http
 *                              (WEBHOOKS_ALLOW_PRIVATE_NETWORKS): for a receiver on the operator's own network, or tests
 * @param pollInterval          how often due webhook messages are looked for (WEBHOOKS_POLL_INTERVAL)
 * @param retryInitial          first wait after a failed delivery, doubling each time (WEBHOOKS_RETRY_INITIAL)
 * @param retryMax              the longest wait between attempts (WEBHOOKS_RETRY_MAX)
 * @param giveUpAfter           a message still failing this long after its first attempt is given up (WEBHOOKS_GIVE_UP_AFTER)
 * @param lease                 how long a claim holds before another process may take the message over (WEBHOOKS_LEASE);
 *                              at least {@link #MIN_LEASE}, longer than one attempt can take
 */
@Context
@ConfigurationProperties("webhooks")
public record WebhooksConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "false") boolean allowPrivateNetworks,
        @Bindable(defaultValue = "PT5S") Duration pollInterval,
        @Bindable(defaultValue = "PT30S") Duration retryInitial,
        @Bindable(defaultValue = "PT1H") Duration retryMax,
        @Bindable(defaultValue = "P3D") Duration giveUpAfter,
        @Bindable(defaultValue = "PT2M") Duration lease) {

    /** A batch's attempts run at once, each bounded to 30 s (10 s to connect, 10 s to the answer, and a margin). */
    public static final Duration MIN_LEASE = Duration.ofSeconds(45);

    public WebhooksConfiguration {
        PositiveDurations.require("WEBHOOKS_POLL_INTERVAL", pollInterval);
        PositiveDurations.require("WEBHOOKS_RETRY_INITIAL", retryInitial);
        PositiveDurations.require("WEBHOOKS_RETRY_MAX", retryMax);
        PositiveDurations.require("WEBHOOKS_GIVE_UP_AFTER", giveUpAfter);
        if (lease.compareTo(MIN_LEASE) < 0) {
            throw new ConfigurationException("WEBHOOKS_LEASE must be at least " + MIN_LEASE + ", got " + lease);
        }
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new ConfigurationException("WEBHOOKS_RETRY_MAX must not be shorter than WEBHOOKS_RETRY_INITIAL");
        }
    }
}
