package org.reviewgateway.gateway.mail;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.Map;

/** Reports the mail circuit in /health. An open circuit is not an outage: mail waits in the outbox. */
@Singleton
class MailCircuitHealthIndicator extends AbstractHealthIndicator<Map<String, String>> {

    private final MailGuard guard;

    MailCircuitHealthIndicator(MailGuard guard) {
        this.guard = guard;
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        return Map.of("circuit", guard.circuitState().name());
    }

    @Override
    protected String getName() {
        return "mail";
    }
}
