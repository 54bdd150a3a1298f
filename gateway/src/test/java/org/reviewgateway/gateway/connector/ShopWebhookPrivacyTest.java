package org.reviewgateway.gateway.connector;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.support.LogCapture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The real fixtures with a canary planted in every personal field the gateway has no use for (last name, phone,
 * addresses, IP, user agent, notes, order tokens, payment fields): after every topic, no canary is in any table,
 * log line, export, problem, metric or merchant webhook payload, and neither is the address or first name the
 * gateway did keep.
 */
@MicronautTest(transactional = false)
class ShopWebhookPrivacyTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    PiiCipher cipher;

    private final List<String> canaries = new ArrayList<>();

    private String canary() {
        StringBuilder word = new StringBuilder("canary");
        ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> word.append((char) c));
        canaries.add(word.toString());
        return word.toString();
    }

    private void plant(Map<String, Object> object, String... fields) {
        for (String field : fields) {
            object.put(field, canary());
        }
    }

    private Map<String, Object> shopifyOrder(Fixtures fixtures, long id) {
        Map<String, Object> order = fixtures.shopifyOrder();
        order.put("id", id);
        order.put("email", "hook.private@example.org");
        plant(order, "note", "token", "cart_token", "checkout_token", "browser_ip", "reference", "landing_site", "referring_site");
        plant(Fixtures.object(order, "customer"), "last_name", "note", "phone", "multipass_identifier");
        for (String address : List.of("billing_address", "shipping_address")) {
            plant(Fixtures.object(order, address), "last_name", "name", "address1", "address2", "city", "zip", "phone", "company");
        }
        plant(Fixtures.object(order, "client_details"), "browser_ip", "user_agent", "accept_language", "session_hash");
        plant(Fixtures.object(order, "payment_details"), "credit_card_number", "credit_card_bin", "avs_result_code");
        order.put("note_attributes", List.of(Map.of("name", "gift message", "value", canary())));
        return order;
    }

    private Map<String, Object> wooCommerceOrder(Fixtures fixtures, long id) {
        Map<String, Object> order = fixtures.wooCommerceOrder();
        order.put("id", id);
        order.put("status", "completed");
        plant(order, "customer_ip_address", "customer_user_agent", "customer_note", "order_key", "transaction_id", "cart_hash");
        Map<String, Object> billing = Fixtures.object(order, "billing");
        billing.put("email", "hook.woo.private@example.org");
        plant(billing, "last_name", "company", "address_1", "address_2", "city", "postcode", "phone");
        plant(Fixtures.object(order, "shipping"), "first_name", "last_name", "company", "address_1", "address_2", "city", "postcode");
        return order;
    }

    @Test
    void noCanaryOfAnyPayloadOutlivesTheRequest() {
        GatewayClient client = new GatewayClient(server, json);
        Fixtures fixtures = new Fixtures(json);
        GatewayClient.Merchant merchant = client.newMerchant("Private Hook Shop");
        String key = merchant.apiKey();
        ShopHooks shopify = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        ShopHooks woo = ShopHooks.connect(client, key, "woocommerce", "delegated", "completed");
        long shopifyId = 820982911946154508L + ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        long wooId = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000);
        // every event into the webhook outbox (a host that never resolves: this class delivers nothing)
        Db.update(dataSource, "INSERT INTO webhooks (id, merchant_id, url, events, secret_sealed, created_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
                "privacy" + wooId, java.util.UUID.fromString(merchant.id()), "https://hooks.invalid/all",
                ",invitation.sent,invitation.failed,review.created,recipient.unsubscribed,personal_data.purged,",
                cipher.sealSecret(java.util.UUID.fromString(merchant.id()), "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])));

        List<String> answers = new ArrayList<>();
        List<String> logLines;
        try (LogCapture logs = new LogCapture()) {
            Map<String, Object> order = shopifyOrder(fixtures, shopifyId);
            answers.add(expect(200, shopify.post("orders/fulfilled", fixtures.bytes(order))));
            answers.add(expect(200, shopify.post("orders/fulfilled", fixtures.bytes(order))));
            answers.add(expect(200, shopify.post("orders/paid", fixtures.bytes(shopifyOrder(fixtures, shopifyId + 1)))));
            Map<String, Object> withoutId = shopifyOrder(fixtures, 1);
            withoutId.remove("id");
            answers.add(expect(422, shopify.post("orders/fulfilled", fixtures.bytes(withoutId))));
            byte[] forged = fixtures.bytes(shopifyOrder(fixtures, shopifyId + 2));
            answers.add(expect(401, shopify.postSigned("orders/fulfilled", forged, ShopHooks.sign("wrong-secret-0000", forged), "application/json")));
            byte[] broken = ("{\"note\":\"" + canary() + "\",").getBytes(StandardCharsets.UTF_8);
            answers.add(expect(400, shopify.post("orders/fulfilled", broken)));
            answers.add(expect(200, shopify.post("orders/create", fixtures.bytes(shopifyOrder(fixtures, shopifyId + 3)))));

            Map<String, Object> wooOrder = wooCommerceOrder(fixtures, wooId);
            answers.add(expect(200, woo.post("order.created", fixtures.bytes(wooOrder))));
            answers.add(expect(200, woo.post("order.updated", fixtures.bytes(wooOrder))));
            Map<String, Object> wooWithoutId = wooCommerceOrder(fixtures, 1);
            wooWithoutId.remove("id");
            answers.add(expect(422, woo.post("order.updated", fixtures.bytes(wooWithoutId))));

            long cancelled = shopifyId + 10;
            answers.add(expect(200, shopify.post("orders/fulfilled", fixtures.bytes(shopifyOrder(fixtures, cancelled)))));
            answers.add(expect(200, shopify.post("orders/cancelled", fixtures.bytes(shopifyOrder(fixtures, cancelled)))));
            long refunded = shopifyId + 11;
            answers.add(expect(200, shopify.post("orders/fulfilled", fixtures.bytes(shopifyOrder(fixtures, refunded)))));
            answers.add(expect(200, shopify.post("refunds/create", "{\"id\":1,\"order_id\":" + refunded + ",\"note\":\"" + canary()
                    + "\",\"refund_line_items\":[{\"line_item\":{\"title\":\"" + canary() + "\"}}]}")));
            answers.add(expect(200, shopify.post("customers/redact", "{\"shop_id\":1,\"customer\":{\"id\":2,\"email\":"
                    + "\"hook.redacted@example.org\",\"phone\":\"" + canary() + "\"},\"orders_to_redact\":[" + refunded + "]}")));
            answers.add(expect(200, shopify.post("customers/data_request", "{\"shop_id\":1,\"customer\":{\"phone\":\"" + canary() + "\"}}")));
            byte[] tooLarge = ("{\"id\":1,\"note\":\"" + canary() + "n".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            answers.add(expect(413, shopify.post("orders/fulfilled", tooLarge)));
            byte[] text = ("{\"note\":\"" + canary() + "\"}").getBytes(StandardCharsets.UTF_8);
            answers.add(expect(415, shopify.postSigned("orders/fulfilled", text, ShopHooks.sign(shopify.secret, text), "text/plain")));
            long deleted = wooId + 1;
            answers.add(expect(200, woo.post("order.created", fixtures.bytes(wooCommerceOrder(fixtures, deleted)))));
            answers.add(expect(200, woo.post("order.deleted", "{\"id\":" + deleted + ",\"billing\":{\"phone\":\"" + canary() + "\"}}")));
            answers.add(expect(200, client.postRaw(woo.path, Map.of(), "application/x-www-form-urlencoded", "webhook_id=9".getBytes(StandardCharsets.UTF_8))));

            answers.add(client.get("/v1/orders/" + shopifyId, key).body());
            answers.add(client.get("/v1/orders/" + wooId, key).body());
            answers.add(client.get("/v1/export", key).body());
            answers.add(client.get("/prometheus", null).body());
            answers.add(client.get("/v1/connectors", key).body());
            logLines = List.copyOf(logs.lines());
        }

        List<String> payloads = Db.texts(dataSource, "SELECT payload FROM webhook_messages WHERE merchant_id = ?", java.util.UUID.fromString(merchant.id()));
        assertFalse(payloads.isEmpty(), "the cancel, refund and redaction wrote personal_data.purged events");
        answers.addAll(payloads);
        for (String payload : payloads) {
            for (String kept : List.of("hook.private@example.org", "hook.woo.private@example.org", "hook.redacted@example.org")) {
                assertFalse(payload.contains(kept), () -> "an address in a webhook payload: " + payload);
            }
        }
        canaries.add(shopify.secret);
        canaries.add(woo.secret);
        for (String canary : canaries) {
            for (String answer : answers) {
                assertFalse(answer.toLowerCase(Locale.ROOT).contains(canary), () -> "a canary in an answer: " + answer);
            }
            for (String line : logLines) {
                assertFalse(line.toLowerCase(Locale.ROOT).contains(canary), () -> "a canary in a log line: " + line);
            }
        }
        assertEquals(List.of(), Db.scanRowsOf(dataSource, java.util.UUID.fromString(merchant.id()),
                canaries.stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toList(), canaries), "a canary in the database");
        assertEquals("scheduled", client.get("/v1/orders/" + shopifyId, key).json().get("status"), "the order itself went through");
        assertEquals("scheduled", client.get("/v1/orders/" + wooId, key).json().get("status"));
    }

    private static String expect(int status, Reply reply) {
        assertEquals(status, reply.status(), reply::toString);
        return reply.body();
    }
}
