package org.reviewgateway.gateway.merchant;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.privacy.UnsubscribeTokens;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.OrderBody;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

/** DELETE /admin/v1/merchants/{id}: the data key goes first, so the merchant's data is unreadable at the 204; its rows go later. */
@MicronautTest(transactional = false)
class MerchantOffboardingTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    PiiCipher cipher;
    @Inject
    UnsubscribeTokens tokens;

    private long rowsOf(UUID merchant) {
        long rows = 0;
        for (String table : List.of("orders", "recipients", "deliveries", "reviews", "templates", "suppressions", "opt_out_links",
                "connectors", "data_keys")) {
            rows += Db.count(dataSource, "SELECT COUNT(*) FROM " + table + " WHERE merchant_id = ?", merchant);
        }
        return rows + Db.count(dataSource, "SELECT COUNT(*) FROM merchants WHERE id = ?", merchant);
    }

    private byte[] emailCipherOf(String transactionId) {
        return Db.bytes(dataSource, "SELECT r.email_cipher FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = ?",
                transactionId).get(0);
    }

    @Test
    void anOffboardedMerchantsDataIsUnreadableAtOnceAndGoneLaterAndNoOtherMerchantIsTouched() {
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Merchant leaving = client.newMerchant("Leaving Shop");
        GatewayClient.Merchant staying = client.newMerchant("Staying Shop");
        UUID leavingId = UUID.fromString(leaving.id());
        String leavingOrder = "OFF-" + UUID.randomUUID();
        String stayingOrder = "OFF-" + UUID.randomUUID();
        String email = "offboarded." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Reply created = client.postJson("/v1/orders", leaving.apiKey(), OrderBody.delegated(leavingOrder, email).json());
        assertEquals(201, created.status(), created::toString);
        String reviewPath = URI.create((String) created.json().get("reviewLink")).getPath();
        assertEquals(201, client.postJson("/v1/orders", staying.apiKey(), OrderBody.delegated(stayingOrder, email).json()).status());
        Reply connector = client.send("PUT", "/v1/connectors/shopify", leaving.apiKey(), "application/json", "{\"secret\":\"a-leaving-shops-secret\"}");
        String hookPath = URI.create((String) connector.json().get("webhookUrl")).getPath();
        byte[] sealed = emailCipherOf(leavingOrder);
        assertEquals(email, cipher.decrypt(leavingId, sealed));
        String reviewed = (String) client.postJson("/v1/orders", leaving.apiKey(), OrderBody.self("OFF-" + UUID.randomUUID()).json()).json().get("reviewLink");
        assertEquals(200, client.send("POST", URI.create(reviewed).getPath(), null, "application/x-www-form-urlencoded", "rating=5").status());
        assertEquals(200, client.send("PUT", "/v1/templates/en", leaving.apiKey(), "application/json",
                "{\"subject\":\"s\",\"text\":\"{{reviewLink}} {{unsubscribeLink}}\"}").status());
        assertEquals(200, client.postJson("/v1/erasure-requests", leaving.apiKey(), "{\"email\":\"erased." + UUID.randomUUID() + "@example.org\"}").status());
        long orderId = Db.count(dataSource, "SELECT id FROM orders WHERE transaction_id = ?", leavingOrder);
        String unsubscribePath = "/u/" + tokens.forOrder(leavingId, orderId);
        assertEquals(200, client.get(unsubscribePath, null).status());
        long stayingRows = rowsOf(UUID.fromString(staying.id()));

        assertEquals(204, client.send("DELETE", "/admin/v1/merchants/" + leaving.id(), GatewayClient.ADMIN_TOKEN, null, null).status());

        assertThrows(IllegalStateException.class, () -> cipher.decrypt(leavingId, sealed), "the data key is gone: unreadable at the 204");
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM data_keys WHERE merchant_id = ?", leavingId));
        assertProblem(client.get("/v1/orders/" + leavingOrder, leaving.apiKey()), 401);
        assertEquals(404, client.get(reviewPath, null).status(), "its review links");
        assertEquals(404, client.get(unsubscribePath, null).status(), "its unsubscribe links");
        assertProblem(client.postRaw(hookPath, Map.of("X-Shopify-Topic", "orders/paid", "X-Shopify-Hmac-Sha256", "x"), "application/json",
                "{}".getBytes()), 404);
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM deliveries WHERE merchant_id = ? AND status IN ('pending', 'retrying')",
                leavingId), "nothing planned is sent");

        await().atMost(Duration.ofSeconds(30)).until(() -> rowsOf(leavingId) == 0);
        assertProblem(client.send("DELETE", "/admin/v1/merchants/" + leaving.id(), GatewayClient.ADMIN_TOKEN, null, null), 404);

        assertEquals(stayingRows, rowsOf(UUID.fromString(staying.id())), "not one row of another merchant went");
        Reply other = client.get("/v1/orders/" + stayingOrder, staying.apiKey());
        assertEquals(200, other.status(), other::toString);
        assertEquals("held", other.json().get("personalData"));
        assertEquals(email, cipher.decrypt(UUID.fromString(staying.id()), emailCipherOf(stayingOrder)), "another merchant's data is untouched");
    }

    @Test
    void offboardingNeedsTheAdminTokenAndAKnownMerchant() {
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Guarded Shop");
        assertProblem(client.send("DELETE", "/admin/v1/merchants/" + merchant.id(), null, null, null), 401);
        assertProblem(client.send("DELETE", "/admin/v1/merchants/" + merchant.id(), merchant.apiKey(), null, null), 401);
        assertProblem(client.send("DELETE", "/admin/v1/merchants/" + UUID.randomUUID(), GatewayClient.ADMIN_TOKEN, null, null), 404);
        assertProblem(client.send("DELETE", "/admin/v1/merchants/not-a-uuid", GatewayClient.ADMIN_TOKEN, null, null), 404);
        assertEquals(200, client.get("/v1/settings", merchant.apiKey()).status(), "the merchant is still there");
    }
}
