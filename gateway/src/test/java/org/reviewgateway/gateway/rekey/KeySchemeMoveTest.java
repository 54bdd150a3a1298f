package org.reviewgateway.gateway.rekey;

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
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Orders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A merchant from before data keys (its data_keys row without a key, as V19 leaves every merchant it finds), with a
 * planned invitation, an opt-out, an erasure and a connector, moved to a data key of its own while the gateway serves:
 * every row re-sealed and re-hashed, every opt-out still honoured, every link still working.
 */
@MicronautTest(transactional = false)
class KeySchemeMoveTest {

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
    @Inject
    KeySchemeMove move;
    @Inject
    MutableClock clock;

    private long orderId(String transactionId) {
        return Db.count(dataSource, "SELECT id FROM orders WHERE transaction_id = ?", transactionId);
    }

    private byte[] column(String column, String transactionId) {
        return Db.bytes(dataSource, "SELECT r." + column + " FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = ?",
                transactionId).get(0);
    }

    private String statusOfANewOrderTo(GatewayClient client, String key, String email) {
        String id = "MV-NEW-" + UUID.randomUUID();
        client.postJson("/v1/orders", key, Orders.delegated(id, email, null, null, null));
        return Orders.status(client, key, id);
    }

    @Test
    void aMerchantOfTheMasterKeySchemeMovesToItsOwnDataKeyAndKeepsEveryOptOut() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Moving Shop");
        UUID merchantId = UUID.fromString(merchant.id());
        String key = merchant.apiKey();
        Db.update(dataSource, "UPDATE data_keys SET wrapped_key = NULL, master_key_id = NULL WHERE merchant_id = ?", merchantId);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String invited = "move.invited." + tag + "@example.org";
        String optedOut = "move.optout." + tag + "@example.org";
        String erased = "move.erased." + tag + "@example.org";
        String planned = "MV-" + tag;
        Reply created = client.postJson("/v1/orders", key, Orders.delegated(planned, invited, "Kim", null, clock.instant().plus(Duration.ofDays(1))));
        assertEquals(201, created.status(), created::toString);
        String out = "MV-OUT-" + tag;
        client.postJson("/v1/orders", key, Orders.delegated(out, optedOut, null, null, clock.instant().plus(Duration.ofDays(1))));
        String oldLink = "/u/" + tokens.forOrder(merchantId, orderId(out));
        assertEquals(200, client.send("POST", oldLink, null, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status());
        assertEquals(200, client.postJson("/v1/erasure-requests", key, "{\"email\":\"" + erased + "\"}").status());
        String later = "move.later." + tag + "@example.org";
        String before = "MV-BEFORE-" + tag;
        client.postJson("/v1/orders", key, Orders.delegated(before, later, null, null, clock.instant().plus(Duration.ofDays(1))));
        String linkBeforeTheMove = "/u/" + tokens.forOrder(merchantId, orderId(before));
        String secret = "moving-shop-secret-" + tag;
        Reply connector = client.send("PUT", "/v1/connectors/woocommerce", key, "application/json", "{\"secret\":\"" + secret + "\"}");
        byte[] hashBefore = column("email_hash", planned);

        move.run();
        String sealedBefore = Db.text(dataSource, "SELECT r.key_id FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = '"
                + planned + "'");
        assertEquals(200, client.get("/u/" + tokens.forRecipient(merchantId, orderId(planned), sealedBefore), null).status(),
                "an invitation sent while the merchant moves carries a link that was recorded");
        clock.advance(Duration.ofMinutes(1));
        move.run();

        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM data_keys WHERE merchant_id = ? AND wrapped_key IS NOT NULL "
                + "AND legacy_hash_key IS NOT NULL AND migrated_at IS NOT NULL", merchantId));
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM recipients WHERE merchant_id = ? AND key_id <> 'merchant'", merchantId));
        assertFalse(java.util.Arrays.equals(hashBefore, column("email_hash", planned)), "re-hashed under the merchant's own key");
        assertArrayEquals(hashBefore, column("legacy_email_hash", planned), "the old hash kept beside it");
        assertArrayEquals(cipher.addressHash(merchantId, invited), column("email_hash", planned));
        assertEquals(invited, cipher.decrypt(merchantId, column("email_cipher", planned)));
        assertEquals(created.json().get("reviewLink"), client.get("/v1/orders/" + planned, key).json().get("reviewLink"),
                "the review token re-sealed, the link unchanged");
        byte[] reviewToken = Db.bytes(dataSource, "SELECT review_token_sealed FROM orders WHERE transaction_id = ?", planned).get(0);
        org.junit.jupiter.api.Assertions.assertTrue(cipher.sealedWithCurrentKey(merchantId, reviewToken, false), "sealed with the data key now");
        byte[] secretSealed = Db.bytes(dataSource, "SELECT secret_sealed FROM connectors WHERE merchant_id = ?", merchantId).get(0);
        org.junit.jupiter.api.Assertions.assertTrue(cipher.sealedWithCurrentKey(merchantId, secretSealed, true));

        String after = "MV-AFTER-" + tag;
        client.postJson("/v1/orders", key, Orders.delegated(after, later, null, null, clock.instant().plus(Duration.ofDays(3))));
        assertEquals("scheduled", Orders.status(client, key, after));
        assertEquals(200, client.send("POST", linkBeforeTheMove, null, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status());
        assertEquals("suppressed", Orders.status(client, key, after), "a link mailed before the move stops an order made after it");

        assertEquals("suppressed", statusOfANewOrderTo(client, key, optedOut), "an opt-out recorded under the old hash holds");
        assertEquals("suppressed", statusOfANewOrderTo(client, key, erased), "so does an erasure");
        assertEquals(200, client.get(oldLink, null).status(), "a link already mailed still works");
        String newLink = "/u/" + tokens.forOrder(merchantId, orderId(planned));
        assertEquals(200, client.get(newLink, null).status(), "the link the planned invitation will carry is recorded");

        String webhookPath = java.net.URI.create((String) connector.json().get("webhookUrl")).getPath();
        byte[] body = ("{\"id\":" + (1_000_000 + tag.hashCode() % 1000) + ",\"status\":\"processing\"}").getBytes(StandardCharsets.UTF_8);
        Reply hook = client.postRaw(webhookPath, Map.of("X-WC-Webhook-Topic", "order.updated", "X-WC-Webhook-Signature", sign(secret, body)),
                "application/json", body);
        assertEquals(200, hook.status(), "the connector secret re-sealed, still verifying: " + hook);

        Reply erasure = client.postJson("/v1/erasure-requests", key, "{\"email\":\"" + invited + "\"}");
        assertEquals(1, ((Number) erasure.json().get("ordersAffected")).intValue(), "found by its new hash");
    }

    private static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
