package org.reviewgateway.gateway.web;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

/** What answers before any feature: a path nobody serves, a refusal raised by a feature, and robots.txt. */
@MicronautTest(transactional = false)
class EdgeRoutesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void aPathNobodyServesIsA404Problem() {
        GatewayClient client = new GatewayClient(server, json);
        Map<String, Object> problem = assertProblem(client.get("/no/such/path", null), 404);
        assertEquals("No such resource.", problem.get("detail"));
        assertEquals(404, client.get("/console/assets/nope.css", null).status(), "the console answers its own 404 page");
    }

    @Test
    void aFeaturesRefusalKeepsItsOwnDetail() {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Edge Shop").apiKey();
        GatewayClient.Reply reply = client.postJson("/v1/orders", key, "{\"transactionId\":\"E-1\",\"delivery\":\"sometimes\"}");
        Map<String, Object> problem = assertProblem(reply, 422);
        assertTrue(String.valueOf(problem.get("errors")).contains("delivery"), reply.body());
    }

    @Test
    void robotsAreToldThatNothingIsForThem() {
        GatewayClient.Reply reply = new GatewayClient(server, json).get("/robots.txt", null);
        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        assertEquals("User-agent: *\nDisallow: /\n", reply.body());
    }
}
