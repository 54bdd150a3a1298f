package org.reviewgateway.gateway.ops;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest
class OperationsTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void healthReportsTheDatabaseWithoutAKey() {
        Reply reply = new GatewayClient(server, json).get("/health", null);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("UP", reply.json().get("status"));
        assertTrue(reply.body().contains("jdbc"), reply::body);
    }

    @Test
    void prometheusServesMetricsText() {
        Reply reply = new GatewayClient(server, json).get("/prometheus", null);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        assertTrue(reply.body().contains("jvm_memory_used_bytes"), "standard JVM metrics");
    }

    @Test
    void openApiDescribesTheMerchantApi() {
        Reply reply = new GatewayClient(server, json).get("/openapi.yml", null);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.body().startsWith("openapi: 3"), reply::body);
        assertTrue(reply.body().contains("/v1/orders/batch"));
        assertTrue(reply.body().contains("/v1/settings"));
        assertTrue(reply.body().contains("/admin/v1/merchants"));
    }

    @Test
    void unknownPathsAnswerProblems() {
        GatewayClient client = new GatewayClient(server, json);
        assertProblem(client.get("/nothing-here", null), 404);
        assertProblem(client.get("/beans", null), 404);
        assertProblem(client.send("DELETE", "/health", null, null, null), 405);
    }
}
