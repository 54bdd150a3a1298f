package org.reviewgateway.gateway.dispatch;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The "sent" outcomes of one claimed batch, written {@value #GROUP} at a time in one transaction: a
 * durable commit per message costs more than sending it. Until its group is written a delivery stays
 * claimed, so a crash can re-send at most the unwritten group — within the claim, as before. Written
 * before the claim is released, always.
 */
final class SentOutcomes {

    static final int GROUP = 25;

    private record Sent(Dispatchable dispatchable, String messageId, Instant at) {
    }

    private final DeliveryOutcomes outcomes;
    private final TransactionOperations<Connection> transactions;
    private final String claim;
    private final List<Sent> pending = new ArrayList<>(GROUP);

    SentOutcomes(DeliveryOutcomes outcomes, TransactionOperations<Connection> transactions, String claim) {
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.claim = claim;
    }

    void add(Dispatchable d, String messageId, Instant at) {
        pending.add(new Sent(d, messageId, at));
        if (pending.size() >= GROUP) {
            write();
        }
    }

    void write() {
        if (pending.isEmpty()) {
            return;
        }
        List<Sent> group = List.copyOf(pending);
        pending.clear();
        try {
            transactions.executeWrite(status -> {
                group.forEach(this::record);
                return null;
            });
        } catch (RuntimeException e) {
            // The group rolled back whole; one by one, so one bad row cannot leave the others to be sent again.
            group.forEach(this::record);
        }
    }

    private void record(Sent sent) {
        outcomes.sent(sent.dispatchable(), claim, sent.messageId(), sent.at());
    }
}
