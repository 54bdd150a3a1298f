package org.reviewgateway.gateway.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.mail.MailGuard;
import org.reviewgateway.gateway.outbox.Outbox;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Deliveries by outcome, the queue's depth, and the mail circuit, for Prometheus. */
@Singleton
class DispatchMetrics {

    private final Map<DispatchOutcome, Counter> outcomes = new EnumMap<>(DispatchOutcome.class);

    DispatchMetrics(MeterRegistry registry, Outbox deliveries, MailGuard guard, Clock clock) {
        for (DispatchOutcome outcome : DispatchOutcome.values()) {
            outcomes.put(outcome, Counter.builder("gateway.deliveries")
                    .description("Deliveries worked on, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        Gauge.builder("gateway.deliveries.queue", deliveries, Outbox::countOpen)
                .description("Deliveries pending or retrying").tag("state", "open").register(registry);
        Gauge.builder("gateway.deliveries.queue", deliveries, d -> d.countDue(clock.instant()))
                .description("Deliveries pending or retrying").tag("state", "due").register(registry);
        Gauge.builder("gateway.mail.circuit.open", guard, g -> g.sendingPaused() ? 1 : 0)
                .description("1 while sending is paused because the mail server keeps failing").register(registry);
    }

    void count(DispatchOutcome outcome) {
        outcomes.get(outcome).increment();
    }
}
