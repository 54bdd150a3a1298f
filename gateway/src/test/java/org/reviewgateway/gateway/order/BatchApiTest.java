package org.reviewgateway.gateway.order;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.OrderBody;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest
class BatchApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    GatewayClient client;
    String key;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        key = client.newMerchant("Batch Shop").apiKey();
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachItemIsJudgedAlone() {
        String prefix = "B-" + UUID.randomUUID();
        String body = OrderBody.batch(
                OrderBody.self(prefix + "-1"),
                OrderBody.self("bad id"),
                OrderBody.delegated(prefix + "-2", "batch.kim@example.org"),
                OrderBody.self(prefix + "-1"),
                OrderBody.delegated(prefix + "-1", "batch.kim@example.org"),
                "not an object",
                OrderBody.self(prefix + "-3").customerField("email", "batch.kim@example.org"));

        Reply reply = client.postJson("/v1/orders/batch", key, body);

        assertEquals(200, reply.status(), reply::toString);
        assertFalse(reply.body().contains("batch.kim@example.org"));
        List<Map<String, Object>> results = (List<Map<String, Object>>) reply.json().get("results");
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), results.stream().map(r -> ((Number) r.get("index")).intValue()).toList());
        assertEquals(List.of(201, 422, 201, 200, 409, 422, 422), results.stream().map(r -> ((Number) r.get("status")).intValue()).toList());
        assertEquals("link_issued", ((Map<String, Object>) results.get(0).get("order")).get("status"));
        assertNull(results.get(0).get("problem"));
        Map<String, Object> problem = (Map<String, Object>) results.get(1).get("problem");
        assertEquals(422, ((Number) problem.get("status")).intValue());
        assertEquals("transactionId", ((List<Map<String, Object>>) problem.get("errors")).get(0).get("field"));
        assertEquals(results.get(0).get("order"), results.get(3).get("order"));

        assertEquals(200, client.get("/v1/orders/" + prefix + "-2", key).status());
        assertProblem(client.get("/v1/orders/" + prefix + "-3", key), 404);
    }

    @Test
    void aBatchWrittenTogetherStillAnswersRepeatsSuppressionAndCooldownPerOrder() {
        client.patchJson("/v1/settings", key, "{\"invitationCooldown\":\"P30D\"}");
        String prefix = "BT-" + UUID.randomUUID();
        String erased = uniqueAddress("erased");
        String invited = uniqueAddress("invited");
        assertEquals(200, client.postJson("/v1/erasure-requests", key, "{\"email\":\"" + erased + "\"}").status());
        assertEquals(201, client.postJson("/v1/orders", key, OrderBody.delegated(prefix + "-first", invited).json()).status());

        Reply reply = client.postJson("/v1/orders/batch", key, OrderBody.batch(
                OrderBody.delegated(prefix + "-first", invited),
                OrderBody.delegated(prefix + "-erased", erased),
                OrderBody.delegated(prefix + "-again", invited),
                OrderBody.delegated(prefix + "-new", uniqueAddress("new")),
                OrderBody.self(prefix + "-self")));

        List<Map<String, Object>> results = results(reply);
        assertEquals(List.of(200, 201, 201, 201, 201), results.stream().map(BatchApiTest::status).toList(), reply.body());
        assertEquals(List.of("scheduled", "suppressed", "skipped", "scheduled", "link_issued"),
                results.stream().map(BatchApiTest::orderStatus).toList());
        Map<String, Object> fresh = client.get("/v1/orders/" + prefix + "-new", key).json();
        assertEquals("held", fresh.get("personalData"));
        assertEquals(1, ((List<?>) fresh.get("deliveries")).size(), "its invitation is planned");
        assertEquals("none", client.get("/v1/orders/" + prefix + "-erased", key).json().get("personalData"), "nothing kept of a suppressed address");
    }

    /** A batch is committed fifty orders at a time: a later chunk sees what an earlier one kept. */
    @Test
    void laterOrdersOfABatchSeeItsEarlierChunks() {
        client.patchJson("/v1/settings", key, "{\"invitationCooldown\":\"P30D\"}");
        String prefix = "BC-" + UUID.randomUUID();
        String twice = uniqueAddress("twice");
        List<OrderBody> orders = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            orders.add(OrderBody.delegated(prefix + "-" + i, i == 0 || i == 180 ? twice : "c" + i + "." + prefix + "@example.org"));
        }
        orders.add(OrderBody.delegated(prefix + "-5", "c5." + prefix + "@example.org"));

        List<Map<String, Object>> results = results(client.postJson("/v1/orders/batch", key, OrderBody.batch(orders.toArray())));

        assertEquals(251, results.size());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(i, ((Number) results.get(i).get("index")).intValue());
        }
        assertEquals("skipped", orderStatus(results.get(180)), "the cooldown of the address invited at 0");
        assertEquals(200, status(results.get(250)), "a repeat of the order at 5");
        assertEquals(250, results.stream().filter(r -> status(r) == 201).count());
    }

    @Test
    void fiveHundredOrdersAreAccepted() {
        String prefix = "B5-" + UUID.randomUUID();
        Reply reply = client.postJson("/v1/orders/batch", key, batchOf(prefix, 500));
        assertEquals(200, reply.status());
        assertEquals(500, results(reply).stream().filter(r -> status(r) == 201).count());
    }

    @Test
    void moreThanFiveHundredOrdersIs413AndNothingIsStored() {
        String prefix = "B501-" + UUID.randomUUID();
        assertProblem(client.postJson("/v1/orders/batch", key, batchOf(prefix, 501)), 413);
        assertProblem(client.get("/v1/orders/" + prefix + "-0", key), 404);
    }

    @Test
    void batchNeedsAnOrdersArray() {
        assertFieldError(client.postJson("/v1/orders/batch", key, "{}"), "orders");
        assertFieldError(client.postJson("/v1/orders/batch", key, "{\"orders\":{}}"), "orders");
        assertProblem(client.postJson("/v1/orders/batch", key, "{\"orders\":["), 400);
        assertProblem(client.send("POST", "/v1/orders/batch", key, "text/csv", "a,b"), 415);
        assertProblem(client.postJson("/v1/orders/batch", null, "{\"orders\":[]}"), 401);
        assertEquals(200, client.postJson("/v1/orders/batch", key, "{\"orders\":[]}").status());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Reply reply) {
        return (List<Map<String, Object>>) reply.json().get("results");
    }

    private static int status(Map<String, Object> result) {
        return ((Number) result.get("status")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static Object orderStatus(Map<String, Object> result) {
        return ((Map<String, Object>) result.get("order")).get("status");
    }

    private static String uniqueAddress(String label) {
        return "batch." + label + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String batchOf(String prefix, int n) {
        return OrderBody.batch(IntStream.range(0, n).mapToObj(i -> OrderBody.delegated(prefix + "-" + i, "c" + i + "@example.org")).toArray());
    }
}
