package org.reviewgateway.gateway.connector;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.GatewayClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

@MicronautTest(transactional = false)
class ConnectorApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    GatewayClient client;
    String key;
    java.util.UUID merchantId;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Connector Shop");
        key = merchant.apiKey();
        merchantId = java.util.UUID.fromString(merchant.id());
    }

    private Reply put(String platform, String body) {
        return client.send("PUT", "/v1/connectors/" + platform, key, "application/json", body);
    }

    @Test
    void putCreatesAConnectorWhoseUrlOutlivesANewSecretAndDeleteEndsIt() {
        String secret = "a-secret-of-the-shop-0001";
        Reply created = put("shopify", "{\"secret\":\"" + secret + "\"}");
        assertEquals(200, created.status(), created::toString);
        assertEquals("shopify", created.json().get("platform"));
        assertEquals("delegated", created.json().get("delivery"), "the default");
        assertEquals("fulfilled", created.json().get("trigger"), "Shopify's default");
        String url = (String) created.json().get("webhookUrl");
        assertTrue(url.matches("http://[^/]+/hooks/shopify/[0-9a-f]{32}"), url);
        assertFalse(created.body().contains(secret), "the secret is never returned");
        assertFalse(created.json().containsKey("secret"));

        Reply changed = put("shopify", "{\"trigger\":\"paid\"}");
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(url, changed.json().get("webhookUrl"), "a later PUT keeps the URL");
        assertEquals("paid", changed.json().get("trigger"));
        Reply rotated = put("shopify", "{\"secret\":\"another-secret-of-the-shop\",\"delivery\":\"self\"}");
        assertEquals(url, rotated.json().get("webhookUrl"), "a new secret keeps the URL");
        assertEquals("self", rotated.json().get("delivery"));
        assertEquals("paid", rotated.json().get("trigger"), "a field left out keeps its value");

        Reply woo = put("woocommerce", "{\"secret\":\"" + secret + "\"}");
        assertEquals("completed", woo.json().get("trigger"), "WooCommerce's default");
        assertNotEquals(url, woo.json().get("webhookUrl"));

        Reply list = client.get("/v1/connectors", key);
        assertEquals(200, list.status());
        List<Map<String, Object>> connectors = (List<Map<String, Object>>) list.json().get("connectors");
        assertEquals(List.of("shopify", "woocommerce"), connectors.stream().map(c -> c.get("platform")).toList());
        assertTrue(connectors.get(0).containsKey("lastReceivedAt"));
        assertNull(connectors.get(0).get("lastReceivedAt"), "null until a signed delivery arrived");
        assertFalse(list.body().contains(secret));

        assertEquals(204, client.send("DELETE", "/v1/connectors/shopify", key, null, null).status());
        assertProblem(client.send("DELETE", "/v1/connectors/shopify", key, null, null), 404);
        assertEquals(1, ((List<?>) client.get("/v1/connectors", key).json().get("connectors")).size());
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        assertFieldError(put("shopify", "{}"), "secret");
        assertFieldError(put("shopify", "{\"secret\":\"" + "s".repeat(15) + "\"}"), "secret");
        assertFieldError(put("shopify", "{\"secret\":\"" + "s".repeat(257) + "\"}"), "secret");
        assertFieldError(put("shopify", "{\"secret\":42}"), "secret");
        assertFieldError(put("shopify", "{\"secret\":\"" + "s".repeat(16) + "\",\"delivery\":\"email\"}"), "delivery");
        assertFieldError(put("shopify", "{\"secret\":\"" + "s".repeat(16) + "\",\"trigger\":\"completed\"}"), "trigger");
        assertFieldError(put("woocommerce", "{\"secret\":\"" + "s".repeat(16) + "\",\"trigger\":\"fulfilled\"}"), "trigger");
        assertProblem(put("shopify", "{\"secret\":"), 400);
        assertProblem(put("magento", "{\"secret\":\"" + "s".repeat(16) + "\"}"), 404);
        assertProblem(client.send("PUT", "/v1/connectors/shopify", null, "application/json", "{\"secret\":\"" + "s".repeat(16) + "\"}"), 401);
        assertEquals(0, ((List<?>) client.get("/v1/connectors", key).json().get("connectors")).size(), "nothing half-written");
        assertEquals(200, put("shopify", "{\"secret\":\"" + "s".repeat(256) + "\"}").status(), "256 characters is allowed");
    }

    @Test
    void anotherMerchantsConnectorIsInvisible() {
        put("shopify", "{\"secret\":\"the-first-merchants-secret\"}");
        String other = client.newMerchant("Other Connector Shop").apiKey();
        assertEquals(List.of(), client.get("/v1/connectors", other).json().get("connectors"));
        assertProblem(client.send("DELETE", "/v1/connectors/shopify", other, null, null), 404);
        assertEquals(1, ((List<?>) client.get("/v1/connectors", key).json().get("connectors")).size());
    }

    @Test
    void theSecretIsStoredSealed() {
        String secret = "sealed-secret-" + java.util.UUID.randomUUID();
        assertEquals(200, put("woocommerce", "{\"secret\":\"" + secret + "\"}").status());
        assertEquals(List.of(), Db.scanRowsOf(dataSource, merchantId, List.of(secret.getBytes(StandardCharsets.UTF_8)), List.of(secret)));
    }
}
