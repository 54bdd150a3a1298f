package org.reviewgateway.gateway.order;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.DomainException;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges each order of a batch alone — a bad item never blocks the others — but commits the good ones
 * together, a chunk of {@value #CHUNK} at a time: few address locks, held briefly, so concurrent batches and
 * single orders rarely wait for each other. Should a chunk's transaction fail (a request racing for one of
 * its transaction IDs, a database error), it rolls back whole and each of its orders is taken again in a
 * transaction of its own, so nothing is half-written and no answer claims an order that was not kept.
 */
@Singleton
class BatchIngestion {

    static final int MAX_ORDERS = 500;
    /** Orders per transaction. */
    static final int CHUNK = 50;
    private static final Logger LOG = LoggerFactory.getLogger(BatchIngestion.class);

    private final OrderIngestion ingestion;
    private final TransactionOperations<Connection> transactions;

    BatchIngestion(OrderIngestion ingestion, TransactionOperations<Connection> transactions) {
        this.ingestion = ingestion;
        this.transactions = transactions;
    }

    BatchResponse ingest(Merchant merchant, JsonNode body) {
        List<Object> items = read(ordersOf(body));
        List<BatchResponse.Item> results = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += CHUNK) {
            results.addAll(commit(merchant, items, from, Math.min(items.size(), from + CHUNK)));
        }
        return new BatchResponse(results);
    }

    /** Items [from, to) in one transaction, or each alone should it fail. */
    private List<BatchResponse.Item> commit(Merchant merchant, List<Object> items, int from, int to) {
        try {
            List<BatchResponse.Item> results = transactions.executeWrite(status -> together(merchant, items, from, to));
            results.stream().filter(BatchResponse.Item::created)
                    .forEach(item -> ingestion.counted(new OrderIngestion.Ingested(true, item.order())));
            return results;
        } catch (RuntimeException e) {
            LOG.info("{} orders of a batch rolled back ({}); taking each order alone", to - from, e.getClass().getName());
            return alone(merchant, items, from, to);
        }
    }

    /** Each item as a {@link NewOrder}, or the problem that rejects it before any database work. */
    private List<Object> read(JsonNode orders) {
        List<Object> items = new ArrayList<>(orders.size());
        int index = 0;
        for (JsonNode item : orders.values()) {
            try {
                items.add(OrderRequestReader.read(item, ingestion.now()));
            } catch (DomainException e) {
                items.add(rejected(index, e));
            }
            index++;
        }
        return items;
    }

    /** Inside the chunk's transaction; a database error escapes and rolls all of it back (counted only after the commit). */
    private List<BatchResponse.Item> together(Merchant merchant, List<Object> items, int from, int to) {
        List<NewOrder> orders = items.subList(from, to).stream().filter(NewOrder.class::isInstance).map(NewOrder.class::cast).toList();
        ingestion.lockAddressesOf(merchant, orders);
        List<OrderIngestion.BatchOutcome> outcomes = ingestion.ingestAllWithoutSettlingRaces(merchant, orders);
        List<BatchResponse.Item> results = new ArrayList<>(to - from);
        int next = 0;
        for (int index = from; index < to; index++) {
            if (items.get(index) instanceof NewOrder) {
                OrderIngestion.BatchOutcome outcome = outcomes.get(next++);
                results.add(outcome.refusal() != null ? rejected(index, outcome.refusal()) : BatchResponse.Item.recorded(index, outcome.ingested()));
            } else {
                results.add((BatchResponse.Item) items.get(index));
            }
        }
        return results;
    }

    private List<BatchResponse.Item> alone(Merchant merchant, List<Object> items, int from, int to) {
        List<BatchResponse.Item> results = new ArrayList<>(to - from);
        for (int index = from; index < to; index++) {
            results.add(items.get(index) instanceof NewOrder order ? ingestOne(merchant, index, order) : (BatchResponse.Item) items.get(index));
        }
        return results;
    }

    private BatchResponse.Item ingestOne(Merchant merchant, int index, NewOrder order) {
        try {
            return BatchResponse.Item.recorded(index, ingestion.ingest(merchant, order));
        } catch (DomainException e) {
            return rejected(index, e);
        } catch (RuntimeException e) {
            LOG.error("Batch item {} failed: {}", index, e.getClass().getName());
            return BatchResponse.Item.notRecorded(index);
        }
    }

    private static BatchResponse.Item rejected(int index, DomainException e) {
        return BatchResponse.Item.refused(index, Problems.of(e));
    }

    private static JsonNode ordersOf(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        JsonNode items = fields.node("orders");
        if (items == null || !items.isArray()) {
            throw new InvalidInputException("orders", "must be an array of orders");
        }
        if (items.size() > MAX_ORDERS) {
            throw new DomainException(DomainException.Condition.TOO_LARGE, "urn:review-gateway:problem:batch-too-large",
                    "A batch holds at most " + MAX_ORDERS + " orders; this one has " + items.size() + ".");
        }
        return items;
    }
}
