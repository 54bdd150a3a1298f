package org.reviewgateway.gateway.rekey;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the move every 10 s (a database read when there is nothing to move); tests run it by hand. */
@Singleton
@Requires(notEnv = Environment.TEST)
class KeySchemeMoveSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(KeySchemeMoveSchedule.class);

    private final KeySchemeMove move;

    KeySchemeMoveSchedule(KeySchemeMove move) {
        this.move = move;
    }

    @Scheduled(fixedDelay = "10s", initialDelay = "10s")
    void run() {
        try {
            move.run();
        } catch (RuntimeException e) {
            LOG.warn("Moving merchants to data keys failed ({}); next run in 10 s", e.getClass().getName());
        }
    }
}
