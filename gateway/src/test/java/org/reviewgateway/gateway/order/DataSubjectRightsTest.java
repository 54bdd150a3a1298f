package org.reviewgateway.gateway.order;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.Orders;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest(transactional = false)
class DataSubjectRightsTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;

    GatewayClient client;
    String key;
    String tag;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        key = client.newMerchant("Rights Shop").apiKey();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    private String order(String email) {
        String id = "DS-" + UUID.randomUUID();
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(id, email, "Kim", null, clock.instant().plus(Duration.ofDays(2)))).status());
        return id;
    }

    private Map<String, Object> view(String id) {
        return client.get("/v1/orders/" + id, key).json();
    }

    @Test
    void deletingAnOrdersPersonalDataCancelsWhatIsPlanned() {
        String id = order("delete." + tag + "@example.org");

        assertEquals(204, client.send("DELETE", "/v1/orders/" + id + "/personal-data", key, null, null).status());

        assertEquals("purged", view(id).get("personalData"));
        assertEquals("cancelled", Orders.firstDelivery(client, key, id).get("status"));
        assertEquals("cancelled", view(id).get("status"), "its invitation never went out and nobody is left to invite");
        assertEquals(204, client.send("DELETE", "/v1/orders/" + id + "/personal-data", key, null, null).status(), "idempotent");
        assertProblem(client.send("DELETE", "/v1/orders/nope-" + tag + "/personal-data", key, null, null), 404);
        String other = client.newMerchant("Other").apiKey();
        String mine = order("mine." + tag + "@example.org");
        assertProblem(client.send("DELETE", "/v1/orders/" + mine + "/personal-data", other, null, null), 404);
        assertEquals("held", view(mine).get("personalData"), "another merchant cannot touch it");
    }

    @Test
    void cancellingAnOrderStopsItAndDeletesItsPersonalData() {
        String id = order("cancel." + tag + "@example.org");

        Reply reply = client.send("POST", "/v1/orders/" + id + "/cancel", key, null, null);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("cancelled", reply.json().get("status"));
        assertEquals("purged", reply.json().get("personalData"));
        assertEquals("cancelled", Orders.firstDelivery(client, key, id).get("status"));
        Reply again = client.send("POST", "/v1/orders/" + id + "/cancel", key, "application/json", "");
        assertEquals(200, again.status());
        assertEquals(reply.json(), again.json(), "cancelling again is a no-op");

        String link = (String) reply.json().get("reviewLink");
        assertEquals(404, client.get(link.substring(server.getURL().toString().length()), null).status(), "no review of a cancelled order");

        assertEquals(201, client.postJson("/v1/orders", key, OrderBody.self("SC-" + tag).json()).status());
        Map<String, Object> self = client.send("POST", "/v1/orders/SC-" + tag + "/cancel", key, "text/plain", null).json();
        assertEquals("cancelled", self.get("status"));
        assertEquals("none", self.get("personalData"));
        assertProblem(client.send("POST", "/v1/orders/nope-" + tag + "/cancel", key, null, null), 404);
    }

    @Test
    void erasureRequestErasesEveryOrderOfTheAddressAndSuppressesIt() {
        String email = "erase." + tag + "@example.org";
        String first = order(email);
        String second = order(email.toUpperCase());
        String unrelated = order("keep." + tag + "@example.org");

        Reply reply = client.postJson("/v1/erasure-requests", key, "{\"email\":\" " + email + " \"}");

        assertEquals(200, reply.status(), reply::toString);
        assertEquals(2, ((Number) reply.json().get("ordersAffected")).intValue());
        assertEquals("purged", view(first).get("personalData"));
        assertEquals("purged", view(second).get("personalData"));
        assertEquals("suppressed", view(first).get("status"), "its invitation will never go out");
        assertEquals("cancelled", Orders.firstDelivery(client, key, first).get("status"));
        assertEquals("held", view(unrelated).get("personalData"));
        assertEquals("suppressed", client.postJson("/v1/orders", key, Orders.delegated("DS3-" + tag, email, null, null, null)).json().get("status"));
        assertEquals(0, ((Number) client.postJson("/v1/erasure-requests", key, "{\"email\":\"" + email + "\"}").json().get("ordersAffected")).intValue());

        Reply bad = client.postJson("/v1/erasure-requests", key, "{\"email\":\"not-an-address\"}");
        assertFieldError(bad, "email");
        assertFalse(bad.body().contains("not-an-address"));
        assertFieldError(client.postJson("/v1/erasure-requests", key, "{}"), "email");
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportStreamsEveryOrderOfTheCallerAsNdjsonWithoutPersonalData() throws Exception {
        String email = "export." + tag + "@example.org";
        String delegated = order(email);
        String self = "EX-" + tag;
        client.postJson("/v1/orders", key, OrderBody.self(self).json());
        String link = (String) view(self).get("reviewLink");
        client.postJson(link.substring(server.getURL().toString().length()), null, "{\"rating\":5,\"comment\":\"top\"}");
        String other = client.newMerchant("Other Export").apiKey();
        client.postJson("/v1/orders", other, OrderBody.self("OTHER-" + tag).json());

        Reply reply = client.get("/v1/export", key);

        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/x-ndjson"), reply.contentType());
        assertFalse(reply.body().contains(email), "no address in the export");
        assertFalse(reply.body().contains("OTHER-"), "only the caller's orders");
        List<String> lines = reply.body().lines().toList();
        assertEquals(2, lines.size(), reply.body());
        Map<String, Object> first = json.readValue(lines.get(0), Map.class);
        Map<String, Object> second = json.readValue(lines.get(1), Map.class);
        assertEquals(view(delegated), first, "each line is the order view");
        assertEquals(self, second.get("transactionId"));
        assertNotNull(second.get("review"));
        assertEquals(5, ((Number) ((Map<String, Object>) second.get("review")).get("rating")).intValue());
        assertEquals("", client.get("/v1/export", client.newMerchant("Empty").apiKey()).body());
        assertProblem(client.get("/v1/export", null), 401);
    }
}
