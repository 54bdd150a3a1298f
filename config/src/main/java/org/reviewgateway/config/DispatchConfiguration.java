package org.reviewgateway.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param enabled       run the dispatcher in this process (DISPATCH_ENABLED)
 * @param pollInterval  how often due deliveries are looked for (DISPATCH_POLL_INTERVAL)
 * @param retryInitial  first wait after a temporary failure, doubling each time (DISPATCH_RETRY_INITIAL)
 * @param retryMax      the longest wait between attempts (DISPATCH_RETRY_MAX)
 * @param giveUpAfter   a delivery still failing temporarily this long after its due time fails for good (DISPATCH_GIVE_UP_AFTER)
 * @param batchSize     deliveries claimed at once (DISPATCH_BATCH_SIZE)
 * @param lease         how long a claim holds before another process may take the delivery over (DISPATCH_LEASE)
 * @param connections   senders working at once in this process, each with its own claim and SMTP connection (DISPATCH_CONNECTIONS)
 * @param pipelineDepth most messages of one sender handed to the mail server but not yet recorded as sent, and so the
 *                      most a crash can send twice (DISPATCH_PIPELINE_DEPTH)
 */
@Context
@ConfigurationProperties("dispatch")
public record DispatchConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "PT5S") Duration pollInterval,
        @Bindable(defaultValue = "PT1M") Duration retryInitial,
        @Bindable(defaultValue = "PT6H") Duration retryMax,
        @Bindable(defaultValue = "P3D") Duration giveUpAfter,
        @Bindable(defaultValue = "100") int batchSize,
        @Bindable(defaultValue = "PT5M") Duration lease,
        @Bindable(defaultValue = "1") int connections,
        @Bindable(defaultValue = "32") int pipelineDepth) {

    public DispatchConfiguration {
        PositiveDurations.require("DISPATCH_POLL_INTERVAL", pollInterval);
        PositiveDurations.require("DISPATCH_RETRY_INITIAL", retryInitial);
        PositiveDurations.require("DISPATCH_RETRY_MAX", retryMax);
        PositiveDurations.require("DISPATCH_GIVE_UP_AFTER", giveUpAfter);
        PositiveDurations.require("DISPATCH_LEASE", lease);
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new ConfigurationException("DISPATCH_RETRY_MAX must not be shorter than DISPATCH_RETRY_INITIAL");
        }
        if (batchSize < 1 || batchSize > 1000) {
            throw new ConfigurationException("DISPATCH_BATCH_SIZE must lie between 1 and 1000, got " + batchSize);
        }
        if (connections < 1 || connections > 16) {
            throw new ConfigurationException("DISPATCH_CONNECTIONS must lie between 1 and 16, got " + connections);
        }
        if (pipelineDepth < 1 || pipelineDepth > 1000) {
            throw new ConfigurationException("DISPATCH_PIPELINE_DEPTH must lie between 1 and 1000, got " + pipelineDepth);
        }
        if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new ConfigurationException("DISPATCH_LEASE must be at least PT30S, got " + lease);
        }
    }
}
