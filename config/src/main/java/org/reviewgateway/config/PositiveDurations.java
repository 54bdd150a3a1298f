package org.reviewgateway.config;

import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/** The one check of a duration setting that must be positive, naming its environment variable. */
final class PositiveDurations {

    private PositiveDurations() {
    }

    static void require(String variable, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new ConfigurationException(variable + " must be a positive duration, got " + value);
        }
    }
}
