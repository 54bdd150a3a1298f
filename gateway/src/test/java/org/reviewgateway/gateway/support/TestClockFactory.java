package org.reviewgateway.gateway.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.time.Clock;

@Factory
@Requires(env = Environment.TEST)
class TestClockFactory {

    @Singleton
    @Replaces(Clock.class)
    MutableClock clock() {
        return new MutableClock();
    }
}
