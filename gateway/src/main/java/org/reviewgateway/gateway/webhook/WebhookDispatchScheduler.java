package org.reviewgateway.gateway.webhook;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.reviewgateway.config.WebhooksConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledFuture;

/** The thin trigger: the webhook dispatcher every WEBHOOKS_POLL_INTERVAL. */
@Context
@Requires(property = "webhooks.enabled", notEquals = "false")
class WebhookDispatchScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatchScheduler.class);
    private final ScheduledFuture<?> runs;

    WebhookDispatchScheduler(WebhookDispatcher dispatcher, WebhooksConfiguration configuration,
                             @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        runs = scheduler.scheduleWithFixedDelay(configuration.pollInterval(), configuration.pollInterval(), () -> {
            try {
                dispatcher.dispatchDue();
            } catch (RuntimeException e) {
                LOG.error("Webhook dispatch run failed ({}); next run in {}", e.getClass().getName(), configuration.pollInterval());
            }
        });
    }

    @PreDestroy
    void stop() {
        runs.cancel(false);
    }
}
