package org.reviewgateway.gateway.order;

import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The group-commit thread every single order waits on. */
class OrderCommitsTest {

    @Test
    void theCommitterSurvivesAnErrorAndTheNextOrderIsStillCommitted() throws Exception {
        AtomicInteger inserts = new AtomicInteger();
        OrderWriter writer = new OrderWriter(null, null, null, null, null, null, null) {
            @Override
            public void lockAddresses(java.util.List<org.reviewgateway.gateway.suppression.AddressLocks.Address> addresses) {
            }

            @Override
            public Order insert(NewRows rows) {
                if (inserts.getAndIncrement() == 0) {
                    throw new StackOverflowError("simulated");
                }
                return null;
            }
        };
        OrderCommits commits = new OrderCommits(writer, new InlineTransactions());
        try {
            assertThrows(OrderCommits.GroupRolledBack.class, () -> commits.write(new NewRows(null, "t1", java.util.List.of())),
                    "the failed group is told so, to write alone");
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> commits.write(new NewRows(null, "t2", java.util.List.of())),
                    "the committer is still there for the next order");
        } finally {
            commits.stop();
        }
    }

    /** Runs the callback at once, without a database. */
    private static final class InlineTransactions implements TransactionOperations<Connection> {

        @Override
        public Connection getConnection() {
            return null;
        }

        @Override
        public boolean hasConnection() {
            return false;
        }

        @Override
        public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
            return Optional.empty();
        }

        @Override
        public <R> R execute(TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
            try {
                return callback.call(null);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
