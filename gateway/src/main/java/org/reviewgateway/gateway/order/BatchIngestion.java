package org.reviewgateway.gateway.order;

import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.merchant.Merchant;
import org.reviewgateway.gateway.web.InvalidInputException;
import org.reviewgateway.gateway.web.JsonFields;
import org.reviewgateway.gateway.web.Problem;
import org.reviewgateway.gateway.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** Judges each order of a batch alone: a bad or failing item never blocks the others. */
@Singleton
class BatchIngestion {

    static final int MAX_ORDERS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(BatchIngestion.class);

    private final OrderIngestion ingestion;

    BatchIngestion(OrderIngestion ingestion) {
        this.ingestion = ingestion;
    }

    BatchResponse ingest(Merchant merchant, JsonNode body) {
        JsonNode items = ordersOf(body);
        List<BatchResponse.Item> results = new ArrayList<>(items.size());
        int index = 0;
        for (JsonNode item : items.values()) {
            results.add(ingestOne(merchant, index++, item));
        }
        return new BatchResponse(results);
    }

    private BatchResponse.Item ingestOne(Merchant merchant, int index, JsonNode item) {
        try {
            OrderIngestion.Ingested result = ingestion.ingest(merchant, OrderRequestReader.read(item, ingestion.now()));
            int status = (result.created() ? HttpStatus.CREATED : HttpStatus.OK).getCode();
            return new BatchResponse.Item(index, status, result.order(), null);
        } catch (ProblemException e) {
            return new BatchResponse.Item(index, e.status().getCode(), null, e.toProblem());
        } catch (RuntimeException e) {
            LOG.error("Batch item {} failed: {}", index, e.getClass().getName());
            HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
            return new BatchResponse.Item(index, status.getCode(), null, Problem.of(status,
                    "The gateway could not record this order; retry it."));
        }
    }

    private static JsonNode ordersOf(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        JsonNode items = fields.node("orders");
        if (items == null || !items.isArray()) {
            throw new InvalidInputException("orders", "must be an array of orders");
        }
        if (items.size() > MAX_ORDERS) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "urn:review-gateway:problem:batch-too-large",
                    "A batch holds at most " + MAX_ORDERS + " orders; this one has " + items.size() + ".");
        }
        return items;
    }
}
