package org.reviewgateway.gateway.order;

import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for single orders: the orders that arrive while a commit is under way are written
 * together in the next transaction, so one durable commit (a chunk written by H2, a WAL flush by
 * PostgreSQL) serves many requests. A request is answered only once its own order is committed. If
 * the shared transaction fails — two requests racing for one transaction ID, a database error — it
 * rolls back whole and every request in it is told so, to write its order alone.
 */
@Singleton
class OrderCommits {

    static final int MAX_GROUP = 64;
    /** The longest a request waits for the shared commit before writing its order alone. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(OrderCommits.class);

    /** The shared transaction rolled back; nothing of the order was kept. */
    static final class GroupRolledBack extends Exception {
        GroupRolledBack(Throwable cause) {
            super(cause);
        }
    }

    private record Pending(NewRows rows, CompletableFuture<Order> saved) {
    }

    private final OrderWriter writer;
    private final TransactionOperations<Connection> transactions;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean running = true;

    OrderCommits(OrderWriter writer, TransactionOperations<Connection> transactions) {
        this.writer = writer;
        this.transactions = transactions;
        this.committer = new Thread(this::commitGroups, "order-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** Writes the rows with the others waiting now; returns the saved order once committed. */
    Order write(NewRows rows) throws GroupRolledBack {
        Pending pending = new Pending(rows, new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.saved().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new GroupRolledBack(e.getCause());
        } catch (TimeoutException e) {
            if (pending.saved().completeExceptionally(e)) {
                throw new GroupRolledBack(e);
            }
            return finishedMeanwhile(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GroupRolledBack(e);
        }
    }

    /** The commit ended just as the wait ran out: its outcome stands. */
    private static Order finishedMeanwhile(Pending pending) throws GroupRolledBack {
        try {
            return pending.saved().join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new GroupRolledBack(e.getCause());
        }
    }

    private void commitGroups() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (running) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                group.removeIf(p -> p.saved().isDone());
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                // The committer must outlive anything one group throws (an Error included): every later order waits on it.
                LOG.error("Group commit failed ({}); its orders are written one by one", e.getClass().getName());
            } finally {
                group.forEach(p -> p.saved().completeExceptionally(new IllegalStateException("not committed")));
                group.clear();
            }
        }
        queue.forEach(p -> p.saved().completeExceptionally(new IllegalStateException("shutting down")));
    }

    private void commit(List<Pending> group) {
        try {
            List<Order> saved = transactions.executeWrite(status -> {
                List<NewRows> rows = group.stream().map(Pending::rows).toList();
                writer.lockAddresses(OrderWriter.addressesOf(rows));
                return writer.insertAll(rows);
            });
            for (int i = 0; i < group.size(); i++) {
                group.get(i).saved().complete(saved.get(i));
            }
        } catch (RuntimeException | Error e) {
            group.forEach(p -> p.saved().completeExceptionally(e));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        committer.interrupt();
        committer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
