package org.reviewgateway.gateway.ops;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.retention.PersonalDataPurger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest(transactional = false)
class OperationsTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    PersonalDataPurger purger;

    @Test
    void healthTellsEveryoneTheStatusAndTheMailCircuitAndOnlyTheAdminTheDetails() {
        GatewayClient client = new GatewayClient(server, json);
        Reply anonymous = client.get("/health", null);
        assertEquals(200, anonymous.status(), anonymous::toString);
        assertEquals("UP", anonymous.json().get("status"));
        assertTrue(anonymous.body().contains("\"circuit\":\"CLOSED\""), anonymous::body);
        assertFalse(anonymous.body().contains("jdbc"), "no database details without the admin token: " + anonymous.body());

        Reply admin = client.get("/health", GatewayClient.ADMIN_TOKEN);
        assertEquals(200, admin.status());
        assertTrue(admin.body().contains("jdbc"), admin::body);
        assertFalse(client.get("/health", "wrong-token").body().contains("jdbc"));
    }

    @Test
    void prometheusServesMetricsText() {
        Reply reply = new GatewayClient(server, json).get("/prometheus", null);
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        assertTrue(reply.body().contains("jvm_memory_used_bytes"), "standard JVM metrics");
    }

    @Test
    void prometheusShowsThatPersonalDataIsStillBeingPurgedAndEveryMetricIsDescribed() {
        purger.purge(java.time.Instant.now(), false, "test");
        String metrics = new GatewayClient(server, json).get("/prometheus", null).body();
        for (String name : java.util.List.of("gateway_purge_runs_total", "gateway_purge_rows_total", "gateway_purge_last_success_seconds")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith(name + " ")), name);
        }
        assertTrue(metrics.lines().filter(l -> l.startsWith("gateway_purge_last_success_seconds ")).allMatch(l -> !l.endsWith(" 0.0")), "a run was recorded");
        java.util.List<String> emptyHelp = metrics.lines().filter(l -> l.matches("# HELP \\S+\\s*")).toList();
        assertEquals(java.util.List.of(), emptyHelp, "every metric says what it counts");
    }

    @Test
    void everyAnswerForbidsSniffingAndApiAnswersAreNotCached() {
        GatewayClient client = new GatewayClient(server, json);
        Reply created = client.postJson("/admin/v1/merchants", GatewayClient.ADMIN_TOKEN, "{\"name\":\"Header Shop\"}");
        assertEquals("no-store", created.header("Cache-Control"), "the answer carries an API key");
        assertEquals("nosniff", created.header("X-Content-Type-Options"));
        String key = (String) created.json().get("apiKey");
        Reply order = client.postJson("/v1/orders", key, OrderBody.self("H-1").json());
        assertEquals("no-store", order.header("Cache-Control"), "the answer carries a review link");
        assertEquals("nosniff", client.get("/health", null).header("X-Content-Type-Options"));
        assertEquals("nosniff", client.get("/v1/orders/H-1", null).header("X-Content-Type-Options"), "problems too");
        String reviewPath = ((String) order.json().get("reviewLink")).substring(server.getURL().toString().length());
        Reply page = client.get(reviewPath, null);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertTrue(page.header("Content-Security-Policy").contains("base-uri 'none'"), page.header("Content-Security-Policy"));
        assertTrue(page.header("Content-Security-Policy").contains("form-action 'self'"));
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
