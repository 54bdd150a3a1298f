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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * The thin trigger: DISPATCH_CONNECTIONS senders, each running the dispatcher every DISPATCH_POLL_INTERVAL.
 * Their claims never overlap (SKIP LOCKED), so while one waits for the mail server another can compose and
 * record (worth it on PostgreSQL; on the embedded H2 the senders queue for its commits, hence the default 1).
 */
@Context
@Requires(property = "dispatch.enabled", notEquals = "false")
class DispatchScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchScheduler.class);
    private final List<ScheduledFuture<?>> senders = new ArrayList<>();

    DispatchScheduler(Dispatcher dispatcher, DispatchConfiguration configuration,
                      @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        for (int i = 0; i < configuration.connections(); i++) {
            senders.add(scheduler.scheduleWithFixedDelay(configuration.pollInterval(), configuration.pollInterval(), () -> {
                try {
                    dispatcher.dispatchDue();
                } catch (RuntimeException e) {
                    LOG.error("Dispatch run failed ({}); next run in {}", e.getClass().getName(), configuration.pollInterval());
                }
            }));
        }
    }

    @PreDestroy
    void stop() {
        senders.forEach(sender -> sender.cancel(false));
    }
}
