package org.reviewgateway.gateway.webhook;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.WebhookReceiver;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

/**
 * POST/GET/DELETE /v1/webhooks with private networks refused (the default). Nothing here is delivered: the only
 * dispatch targets a loopback receiver, and must be refused.
 */
@MicronautTest(transactional = false)
@Property(name = "gateway.data-dir", value = "./target/test-data-webhook-api")
@Property(name = "webhooks.allow-private-networks", value = "false")
class WebhookApiTest {

    /** A public address literal: allowed without a DNS look-up; this class never dispatches. */
    private static final String PUBLIC_URL = "https://93.184.216.34/hooks/reviews";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    PiiCipher cipher;
    @Inject
    WebhookDispatcher dispatcher;

    GatewayClient client;
    String key;
    UUID merchantId;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Webhook Shop");
        key = merchant.apiKey();
        merchantId = UUID.fromString(merchant.id());
    }

    private Reply create(String body) {
        return client.postJson("/v1/webhooks", key, body);
    }

    private List<Map<String, Object>> list(String apiKey) {
        return (List<Map<String, Object>>) client.get("/v1/webhooks", apiKey).json().get("webhooks");
    }

    @Test
    void createShowsTheSecretOnceAndListNeverDoes() {
        Reply created = create("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"review.created\",\"personal_data.purged\"]}");

        assertEquals(201, created.status(), created::toString);
        String secret = (String) created.json().get("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length, "32 random bytes");
        assertEquals(PUBLIC_URL, created.json().get("url"));
        assertEquals(List.of("review.created", "personal_data.purged"), created.json().get("events"));
        assertTrue(created.json().get("id") instanceof String);
        assertTrue(created.json().get("createdAt") instanceof String);

        List<Map<String, Object>> webhooks = list(key);
        assertEquals(1, webhooks.size());
        Map<String, Object> listed = webhooks.get(0);
        assertEquals(created.json().get("id"), listed.get("id"));
        assertFalse(listed.containsKey("secret"));
        assertTrue(listed.containsKey("lastStatus") && listed.containsKey("lastAttemptAt"));
        assertNull(listed.get("lastStatus"), "null before the first attempt");
        assertFalse(client.get("/v1/webhooks", key).body().contains(secret.substring(6)));

        assertEquals(List.of(), Db.scanRowsOf(dataSource, merchantId, List.of(secret.getBytes(StandardCharsets.UTF_8),
                Base64.getDecoder().decode(secret.substring(6))), List.of(secret, secret.substring(6))), "stored sealed");
        Reply second = create("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"review.created\"]}");
        assertFalse(secret.equals(second.json().get("secret")), "a secret per webhook");
    }

    @Test
    void deleteEndsAWebhookAndAnotherMerchantCannotSeeOrDeleteIt() {
        String id = (String) create("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"invitation.sent\"]}").json().get("id");
        String other = client.newMerchant("Other Webhook Shop").apiKey();

        assertEquals(List.of(), list(other));
        assertProblem(client.send("DELETE", "/v1/webhooks/" + id, other, null, null), 404);
        assertEquals(1, list(key).size());

        assertEquals(204, client.send("DELETE", "/v1/webhooks/" + id, key, null, null).status());
        assertEquals(List.of(), list(key));
        assertProblem(client.send("DELETE", "/v1/webhooks/" + id, key, null, null), 404);
        assertProblem(client.send("DELETE", "/v1/webhooks/no-such-id", key, null, null), 404);
    }

    @Test
    void atMostTenPerMerchant() {
        for (int i = 0; i < Webhooks.LIMIT; i++) {
            assertEquals(201, create("{\"url\":\"" + PUBLIC_URL + "?n=" + i + "\",\"events\":[\"review.created\"]}").status());
        }
        assertProblem(create("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"review.created\"]}"), 409);
        assertEquals(Webhooks.LIMIT, list(key).size());
        String anotherShop = client.newMerchant("Ten Elsewhere").apiKey();
        assertEquals(201, client.postJson("/v1/webhooks", anotherShop, "{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"review.created\"]}").status(),
                "the limit is per merchant");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndNothingIsStored() {
        String events = ",\"events\":[\"review.created\"]";
        assertFieldError(create("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[]}"), "events");
        assertFieldError(create("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"review.deleted\"]}"), "events[0]");
        assertFieldError(create("{\"url\":\"" + PUBLIC_URL + "\",\"events\":[\"review.created\", 7]}"), "events[1]");
        assertFieldError(create("{\"url\":\"" + PUBLIC_URL + "\",\"events\":\"review.created\"}"), "events");
        assertFieldError(create("{\"url\":\"" + PUBLIC_URL + "\"}"), "events");
        assertFieldError(create("{" + events.substring(1) + "}"), "url");
        assertFieldError(create("{\"url\":42" + events + "}"), "url");
        assertFieldError(create("{\"url\":\"http://93.184.216.34/hook\"" + events + "}"), "url");
        assertFieldError(create("{\"url\":\"https://user:pw@93.184.216.34/hook\"" + events + "}"), "url");
        assertFieldError(create("{\"url\":\"https://127.0.0.1/hook\"" + events + "}"), "url");
        assertFieldError(create("{\"url\":\"https://localhost:8443/hook\"" + events + "}"), "url");
        assertFieldError(create("{\"url\":\"https://192.168.0.10/hook\"" + events + "}"), "url");
        assertFieldError(create("{\"url\":\"https://[fd00::1]/hook\"" + events + "}"), "url");
        assertFieldError(create("{\"url\":\"https://169.254.169.254/latest\"" + events + "}"), "url");
        assertFieldError(create("{\"url\":\"https://93.184.216.34/" + "a".repeat(2100) + "\"" + events + "}"), "url");
        assertFieldError(create("{\"url\":\"https://93.184.216.34/a\\nb\"" + events + "}"), "url");
        Map<String, Object> problem = assertProblem(create("{\"url\":\"ftp://x\",\"events\":[]}"), 422);
        assertEquals(2, ((List<?>) problem.get("errors")).size(), "every bad field at once");
        assertProblem(create("{\"url\":"), 400);
        assertProblem(create("[]"), 422);
        assertProblem(client.send("POST", "/v1/webhooks", key, "text/plain", "{}"), 415);
        assertProblem(client.send("POST", "/v1/webhooks", null, "application/json", "{\"url\":\"" + PUBLIC_URL + "\"" + events + "}"), 401);
        assertEquals(List.of(), list(key), "nothing half-written");
    }

    @Test
    void anEndpointThatResolvesToAPrivateAddressAtDeliveryTimeGetsNothing() {
        // as if its name had resolved publicly when it was created and now resolves to loopback (DNS rebinding)
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
            Db.update(dataSource, "INSERT INTO webhooks (id, merchant_id, url, events, secret_sealed, created_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                    "rebound" + UUID.randomUUID().toString().substring(0, 8), merchantId, receiver.url("/internal"), ",review.created,",
                    cipher.sealSecret(merchantId, secret));
            String link = (String) client.postJson("/v1/orders", key, OrderBody.self("D-" + UUID.randomUUID()).json()).json().get("reviewLink");
            assertEquals(200, client.send("POST", link.substring(server.getURL().toString().length()), null,
                    "application/x-www-form-urlencoded", "rating=4").status());

            dispatcher.dispatchDue();

            assertEquals(List.of(), receiver.received(), "never posted to a private address");
            String error = Db.text(dataSource, "SELECT last_error FROM webhook_messages WHERE merchant_id = '" + merchantId + "'");
            assertTrue(error.startsWith("refused"), error);
            assertNull(list(key).get(0).get("lastStatus"), "no answer");
        }
    }
}
