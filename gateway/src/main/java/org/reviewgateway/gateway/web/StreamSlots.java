package org.reviewgateway.gateway.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import reactor.core.publisher.Flux;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * At most a few streamed answers of one kind at once (an export, a feed): each reads the database for as long as its
 * client reads, so a crowd of them must not take the connection pool from orders and dispatch. Above the limit: 503.
 */
public final class StreamSlots {

    private final int max;
    private final String what;
    private final Semaphore slots;

    /** @param what the plural the 503 names: "exports" */
    public StreamSlots(int max, String what) {
        this.max = max;
        this.what = what;
        this.slots = new Semaphore(max);
    }

    public HttpResponse<?> stream(Supplier<Flux<byte[]>> body, String contentType) {
        if (!slots.tryAcquire()) {
            return Problems.response(HttpStatus.SERVICE_UNAVAILABLE, max + " " + what + " are running already; try again in a minute.")
                    .header(HttpHeaders.RETRY_AFTER, "60");
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        };
        try {
            return HttpResponse.ok(body.get().doFinally(signal -> release.run()))
                    .contentType(contentType)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }
}
