package org.reviewgateway.retention;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.reviewgateway.config.RetentionConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;

/** The thin trigger: purges every RETENTION_INTERVAL while RETENTION_ENABLED (inside the gateway, or the standalone job). */
@Context
@Requires(property = "retention.enabled", notEquals = "false")
class ScheduledPurge {

    static final String TRIGGER = "schedule";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPurge.class);
    private final ScheduledFuture<?> task;

    ScheduledPurge(PersonalDataPurger purger, RetentionConfiguration configuration, Clock clock,
                   @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.task = scheduler.scheduleWithFixedDelay(configuration.interval(), configuration.interval(), () -> {
            try {
                purger.purge(clock.instant(), false, TRIGGER);
            } catch (RuntimeException e) {
                LOG.error("Retention purge failed ({}); next run in {}", e.getClass().getName(), configuration.interval());
            }
        });
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }
}
