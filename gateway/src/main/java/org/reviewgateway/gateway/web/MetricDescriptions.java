package org.reviewgateway.gateway.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Fills in the description of framework meters that have none, so that /prometheus has no empty HELP
 * line (promtool check metrics reports them).
 */
@Singleton
public class MetricDescriptions implements MeterFilter {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "http.server.requests", "HTTP requests served, by method, status and route",
            "executor", "Time tasks took in the gateway's executors",
            "executor.idle", "Time tasks waited in the gateway's executors");

    @Override
    public Meter.Id map(Meter.Id id) {
        if (id.getDescription() != null && !id.getDescription().isBlank()) {
            return id;
        }
        String description = DESCRIPTIONS.getOrDefault(id.getName(), "Measured by " + id.getName().replace('.', ' '));
        return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
    }
}
