package org.reviewgateway.gateway.dispatch;

import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.reviewgateway.config.DispatchConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Records "sent" off the sending thread, several outcomes to a transaction, so the next message is on the wire while
 * the last ones are written (one durable commit per message cost more than the mail server's round trips). The bound:
 * a sender starts a message only while fewer than DISPATCH_PIPELINE_DEPTH of its messages are unrecorded, so a crash
 * sends at most that many twice (with the same Message-ID); nothing is lost, as an unrecorded delivery stays open.
 */
@Singleton
class SentOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(SentOutcomes.class);
    /** How long the writer waits to fill a group: short beside a lease, long beside one message on the wire. */
    private static final Duration LINGER = Duration.ofMillis(10);

    private final DeliveryOutcomes outcomes;
    private final TransactionOperations<Connection> transactions;
    private final int depth;
    private final ExecutorService writers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "dispatch-outcomes");
        thread.setDaemon(true);
        return thread;
    });

    SentOutcomes(DeliveryOutcomes outcomes, TransactionOperations<Connection> transactions, DispatchConfiguration configuration) {
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.depth = configuration.pipelineDepth();
    }

    /** One batch's pipeline; closing it waits until every message it was told of is recorded. */
    Pipeline open(String claim) {
        return new Pipeline(claim);
    }

    private record Sent(Dispatchable delivery, String messageId, Instant at) {
    }

    final class Pipeline implements AutoCloseable {

        private static final Sent END = new Sent(null, null, null);

        private final String claim;
        private final Semaphore room = new Semaphore(depth);
        private final BlockingQueue<Sent> queue = new LinkedBlockingQueue<>();
        private final Future<?> writer;

        private Pipeline(String claim) {
            this.claim = claim;
            this.writer = writers.submit(this::recordUntilClosed);
        }

        /** Before a message goes to the mail server: waits while DISPATCH_PIPELINE_DEPTH messages are unrecorded. */
        void awaitRoom() {
            room.acquireUninterruptibly();
        }

        /** The message did not go out (refused, paused, not composed): its place is free again. */
        void notSent() {
            room.release();
        }

        /** The mail server accepted it: recorded soon, together with the others waiting. */
        void sent(Dispatchable d, String messageId, Instant at) {
            queue.add(new Sent(d, messageId, at));
        }

        private void recordUntilClosed() {
            List<Sent> group = new ArrayList<>();
            boolean closed = false;
            while (!closed) {
                try {
                    collect(group);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                closed = group.remove(END);
                record(group);
                room.release(group.size());
                group.clear();
            }
        }

        /**
         * Waits for the first outcome, then lingers briefly for more (up to half the pipeline's room, so the sender is
         * not held up): one durable commit for many messages costs less than one for each.
         */
        private void collect(List<Sent> group) throws InterruptedException {
            group.add(queue.take());
            long until = System.nanoTime() + LINGER.toNanos();
            queue.drainTo(group);
            while (group.size() < Math.max(1, depth / 2) && !group.contains(END)) {
                Sent next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    return;
                }
                group.add(next);
                queue.drainTo(group);
            }
        }

        /** All in one transaction; if that fails (a race, a database error), each alone, so one cannot hold the others back. */
        private void record(List<Sent> group) {
            if (group.isEmpty()) {
                return;
            }
            try {
                transactions.executeWrite(status -> {
                    group.forEach(s -> outcomes.sent(s.delivery(), claim, s.messageId(), s.at()));
                    return null;
                });
            } catch (RuntimeException groupFailed) {
                for (Sent s : group) {
                    try {
                        outcomes.sent(s.delivery(), claim, s.messageId(), s.at());
                    } catch (RuntimeException e) {
                        // stays open under our claim until it is released: sent again later, with the same Message-ID
                        LOG.error("Delivery {} was sent but its outcome could not be recorded ({})", s.delivery().delivery().id(),
                                e.getClass().getName());
                    }
                }
            }
        }

        @Override
        public void close() {
            queue.add(END);
            try {
                writer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.error("Recording sent outcomes failed ({})", e.getCause().getClass().getName());
            }
        }
    }

    @PreDestroy
    void stop() {
        writers.shutdown();
    }
}
