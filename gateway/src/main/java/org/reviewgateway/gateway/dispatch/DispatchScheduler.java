package org.reviewgateway.gateway.dispatch;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import io.micronaut.scheduling.TaskExecutors;
import org.reviewgateway.config.DispatchConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledFuture;

/** The thin trigger: runs the dispatcher every DISPATCH_POLL_INTERVAL. */
@Context
@Requires(property = "dispatch.enabled", notEquals = "false")
class DispatchScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchScheduler.class);
    private final ScheduledFuture<?> task;

    DispatchScheduler(Dispatcher dispatcher, DispatchConfiguration configuration,
                      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.task = scheduler.scheduleWithFixedDelay(configuration.pollInterval(), configuration.pollInterval(), () -> {
            try {
                dispatcher.dispatchDue();
            } catch (RuntimeException e) {
                LOG.error("Dispatch run failed ({}); next run in {}", e.getClass().getName(), configuration.pollInterval());
            }
        });
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }
}
