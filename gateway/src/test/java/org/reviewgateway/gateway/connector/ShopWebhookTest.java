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
import org.reviewgateway.gateway.support.LogCapture;
import org.reviewgateway.gateway.support.Names;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reviewgateway.gateway.support.Problems.assertFieldError;
import static org.reviewgateway.gateway.support.Problems.assertProblem;

/** Shopify and WooCommerce post their own order webhooks; each topic does what API.md says, bad input never a 500. */
@MicronautTest(transactional = false)
class ShopWebhookTest {

    /** Above 2^53: a double would round it. */
    private static final long BIG_ID = 820982911946154508L;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    GatewayClient client;
    Fixtures fixtures;
    String key;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        fixtures = new Fixtures(json);
        key = client.newMerchant("Hook Shop").apiKey();
    }

    private static long shopifyId() {
        return BIG_ID + ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    }

    private Map<String, Object> shopifyOrder(long id, String email) {
        Map<String, Object> order = fixtures.shopifyOrder();
        order.put("id", id);
        order.put("email", email);
        return order;
    }

    private Map<String, Object> order(String transactionId) {
        Reply reply = client.get("/v1/orders/" + transactionId, key);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private long recipients(String transactionId) {
        return Db.count(dataSource, "SELECT COUNT(*) FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = ?", transactionId);
    }

    @Test
    void aFulfilledShopifyOrderBecomesAnInvitationOnceWithItsExactId() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        long id = shopifyId();
        byte[] body = fixtures.bytes(shopifyOrder(id, "hook.kim@example.org"));

        Reply reply = shop.post("orders/fulfilled", body);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(Map.of("result", "created", "transactionId", Long.toString(id)), reply.json());
        Map<String, Object> order = order(Long.toString(id));
        assertEquals("scheduled", order.get("status"));
        assertEquals("delegated", order.get("delivery"));
        assertEquals(1, recipients(Long.toString(id)));

        Reply repeat = shop.post("orders/fulfilled", body);
        assertEquals(Map.of("result", "exists", "transactionId", Long.toString(id)), repeat.json(), "Shopify retries: nothing changes");
        Map<String, Object> changed = shopifyOrder(id, "someone.else@example.org");
        assertEquals("exists", shop.post("orders/fulfilled", fixtures.bytes(changed)).json().get("result"), "a repeated topic with another body too");
        assertEquals(1, recipients(Long.toString(id)));

        List<Map<String, Object>> connectors = (List<Map<String, Object>>) client.get("/v1/connectors", key).json().get("connectors");
        assertNotNull(connectors.get(0).get("lastReceivedAt"), "the merchant sees that the shop is connected");
    }

    /** The order's products as id and name. */
    private List<List<Object>> products(String transactionId) {
        return ((List<Map<String, Object>>) order(transactionId).get("products")).stream()
                .map(p -> List.<Object>of(p.get("id"), p.get("name"))).toList();
    }

    @Test
    void lineItemsBecomeTheOrdersProductsAndALineWithoutAUsableIdIsLeftOut() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "self", "fulfilled");
        assertEquals(201, client.postJson("/v1/orders", key, org.reviewgateway.gateway.support.OrderBody.self("API-" + shopifyId()).with("products",
                List.of(Map.of("id", "IPOD2008RED", "name", "IPod", "gtin", "4006381333931", "url", "https://shop.example/ipod"))).json()).status());
        long id = shopifyId();
        assertEquals("created", shop.post("orders/fulfilled", fixtures.bytes(shopifyOrder(id, "hook.items@example.org"))).json().get("result"));
        assertEquals(List.of(List.of("IPOD2008GREEN", "IPod Nano - 8gb"), List.of("IPOD2008RED", "IPod Nano - 8gb"),
                List.of("IPOD2008BLACK", "IPod Nano - 8gb")), products(Long.toString(id)), "the SKU is the id");
        Map<String, Object> red = ((List<Map<String, Object>>) order(Long.toString(id)).get("products")).get(1);
        assertEquals("4006381333931", red.get("gtin"), "a webhook, which carries no GTIN, keeps the one an API order gave");
        assertEquals("https://shop.example/ipod", red.get("url"));

        long odd = shopifyId();
        Map<String, Object> order = shopifyOrder(odd, "hook.odd@example.org");
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        items.add(lineItem(632910392L, "MUG 12/BLUE", "Mug"));
        items.add(lineItem(632910392L, "", "Mug again"));
        items.add(lineItem(null, null, "Gift wrapping"));
        items.add(lineItem(77L, "TEA-1", "  "));
        items.add(lineItem(78L, "TEA-2", "Tea\n" + "x".repeat(300)));
        items.add(lineItem(0L, "", "Deleted product"));
        order.put("line_items", items);
        assertEquals("created", shop.post("orders/fulfilled", fixtures.bytes(order)).json().get("result"));
        assertEquals(List.of(List.of("632910392", "Mug"), List.of("TEA-2", "Tea " + "x".repeat(196))), products(Long.toString(odd)),
                "a SKU outside the id alphabet falls back to the product id, a product counts once, a line without id (or WooCommerce's 0 "
                        + "of a deleted product) or name is left out");
    }

    private static Map<String, Object> lineItem(Long productId, String sku, String title) {
        Map<String, Object> item = new java.util.HashMap<>();
        item.put("product_id", productId);
        item.put("sku", sku);
        item.put("title", title);
        item.put("price", "1.00");
        return item;
    }

    @Test
    void aTopicThatIsNotTheTriggerIsIgnored() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        long id = shopifyId();
        Reply reply = shop.post("orders/paid", fixtures.bytes(shopifyOrder(id, "hook.paid@example.org")));
        assertEquals(Map.of("result", "ignored", "reason", "trigger", "transactionId", Long.toString(id)), reply.json());
        assertProblem(client.get("/v1/orders/" + id, key), 404);
        assertEquals(Map.of("result", "ignored", "reason", "topic"), shop.post("orders/create", fixtures.bytes(shopifyOrder(id, "x@example.org"))).json());
        assertEquals(Map.of("result", "ignored", "reason", "topic"), shop.post("customers/data_request", "{\"shop_id\":1}").json());

        ShopHooks paid = ShopHooks.connect(client, client.newMerchant("Paid Shop").apiKey(), "shopify", "delegated", "paid");
        assertEquals("created", paid.post("orders/paid", fixtures.bytes(shopifyOrder(id, "hook.paid@example.org"))).json().get("result"));
    }

    @Test
    void theAddressFallsBackToContactEmailThenTheCustomersAndWithoutOneTheOrderIsIgnored() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        Map<String, Object> contact = shopifyOrder(shopifyId(), "");
        contact.put("contact_email", "hook.contact@example.org");
        assertEquals("created", shop.post("orders/fulfilled", fixtures.bytes(contact)).json().get("result"));

        Map<String, Object> customerOnly = shopifyOrder(shopifyId(), "");
        customerOnly.remove("email");
        Fixtures.object(customerOnly, "customer").put("email", "hook.customer@example.org");
        assertEquals("created", shop.post("orders/fulfilled", fixtures.bytes(customerOnly)).json().get("result"));

        long none = shopifyId();
        Map<String, Object> nobody = shopifyOrder(none, "not an address");
        Fixtures.object(nobody, "customer").put("email", "");
        assertEquals(Map.of("result", "ignored", "reason", "no_address", "transactionId", Long.toString(none)),
                shop.post("orders/fulfilled", fixtures.bytes(nobody)).json());
        assertProblem(client.get("/v1/orders/" + none, key), 404);
    }

    @Test
    void anOddLocaleOrNameIsDroppedNeverTheOrder() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        long german = shopifyId();
        Map<String, Object> de = shopifyOrder(german, "hook.de@example.org");
        de.put("customer_locale", "de-de");
        assertEquals("created", shop.post("orders/fulfilled", fixtures.bytes(de)).json().get("result"));
        assertEquals("de-DE", order(Long.toString(german)).get("locale"));

        long odd = shopifyId();
        Map<String, Object> oddOne = shopifyOrder(odd, "hook.odd@example.org");
        oddOne.put("customer_locale", "not a locale!");
        Fixtures.object(oddOne, "customer").put("first_name", "<script>");
        assertEquals("created", shop.post("orders/fulfilled", fixtures.bytes(oddOne)).json().get("result"));
        assertNull(order(Long.toString(odd)).get("locale"), "the merchant's default applies");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM recipients r JOIN orders o ON o.id = r.order_id "
                + "WHERE o.transaction_id = ? AND r.name_cipher IS NULL", Long.toString(odd)), "the name is dropped, the greeting falls back");
    }

    @Test
    void selfDeliveryKeepsNothingPersonal() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "self", "fulfilled");
        long id = shopifyId();
        assertEquals("created", shop.post("orders/fulfilled", fixtures.bytes(shopifyOrder(id, "hook.self@example.org"))).json().get("result"));
        assertEquals("self", order(Long.toString(id)).get("delivery"));
        assertEquals("link_issued", order(Long.toString(id)).get("status"));
        assertEquals(0, recipients(Long.toString(id)));
    }

    @Test
    void cancelAndRefundCancelTheOrderAndEndItsPersonalData() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        long cancelled = shopifyId();
        long refunded = shopifyId();
        shop.post("orders/fulfilled", fixtures.bytes(shopifyOrder(cancelled, "hook.cancel@example.org")));
        shop.post("orders/fulfilled", fixtures.bytes(shopifyOrder(refunded, "hook.refund@example.org")));

        assertEquals(Map.of("result", "cancelled", "transactionId", Long.toString(cancelled)),
                shop.post("orders/cancelled", fixtures.bytes(shopifyOrder(cancelled, "hook.cancel@example.org"))).json());
        assertEquals(Map.of("result", "cancelled", "transactionId", Long.toString(refunded)),
                shop.post("refunds/create", "{\"id\":" + shopifyId() + ",\"order_id\":" + refunded + "}").json());
        for (long id : List.of(cancelled, refunded)) {
            Map<String, Object> order = order(Long.toString(id));
            assertEquals("cancelled", order.get("status"));
            assertEquals("purged", order.get("personalData"));
            assertEquals(0, recipients(Long.toString(id)));
        }
        long unknown = shopifyId();
        assertEquals(Map.of("result", "ignored", "reason", "trigger", "transactionId", Long.toString(unknown)),
                shop.post("orders/cancelled", fixtures.bytes(shopifyOrder(unknown, "x@example.org"))).json(),
                "an order that never met the trigger has nothing to cancel");
    }

    @Test
    void privacyTopicsEraseTheCustomerOrTheWholeShop() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        long first = shopifyId();
        long listed = shopifyId();
        long other = shopifyId();
        shop.post("orders/fulfilled", fixtures.bytes(shopifyOrder(first, "hook.redact@example.org")));
        shop.post("orders/fulfilled", fixtures.bytes(shopifyOrder(listed, "hook.listed@example.org")));
        shop.post("orders/fulfilled", fixtures.bytes(shopifyOrder(other, "hook.other@example.org")));

        Reply redact = shop.post("customers/redact", "{\"shop_id\":1,\"customer\":{\"id\":2,\"email\":\"hook.redact@example.org\","
                + "\"phone\":\"555\"},\"orders_to_redact\":[" + listed + "]}");
        assertEquals(Map.of("result", "erased"), redact.json());
        assertEquals(0, recipients(Long.toString(first)));
        assertEquals(0, recipients(Long.toString(listed)));
        assertEquals(1, recipients(Long.toString(other)));
        long again = shopifyId();
        shop.post("orders/fulfilled", fixtures.bytes(shopifyOrder(again, "hook.redact@example.org")));
        assertEquals("suppressed", order(Long.toString(again)).get("status"), "the erased address is not stored again");

        assertEquals(Map.of("result", "erased"), shop.post("shop/redact", "{\"shop_id\":1,\"shop_domain\":\"x.myshopify.com\"}").json());
        assertEquals(0, recipients(Long.toString(other)));
        assertEquals("cancelled", order(Long.toString(other)).get("status"), "nobody is left to invite");
    }

    @Test
    void anotherShopsConnectorTouchesNothingOfThisMerchant() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        ShopHooks other = ShopHooks.connect(client, client.newMerchant("Other Hook Shop").apiKey(), "shopify", "delegated", "fulfilled");
        long id = shopifyId();
        shop.post("orders/fulfilled", fixtures.bytes(shopifyOrder(id, "hook.mine@example.org")));

        assertEquals("ignored", other.post("orders/cancelled", fixtures.bytes(shopifyOrder(id, "hook.mine@example.org"))).json().get("result"));
        other.post("customers/redact", "{\"customer\":{\"email\":\"hook.mine@example.org\"},\"orders_to_redact\":[" + id + "]}");
        other.post("shop/redact", "{\"shop_id\":2}");
        assertEquals("scheduled", order(Long.toString(id)).get("status"));
        assertEquals(1, recipients(Long.toString(id)));
        assertProblem(other.postSigned("orders/cancelled", fixtures.bytes(shopifyOrder(id, "x@example.org")),
                ShopHooks.sign(shop.secret, fixtures.bytes(shopifyOrder(id, "x@example.org"))), "application/json"), 401);
    }

    @Test
    void theFixtureAsTheShopSendsItIsVerifiedOnItsRawBytes() throws Exception {
        ShopHooks shop = ShopHooks.connect(client, key, "woocommerce", "delegated", "processing");
        byte[] raw = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("..", "..", "shared", "fixtures", "webhooks", "woocommerce-order-created.json"));
        assertTrue(new String(raw, StandardCharsets.UTF_8).contains("\n  "), "pretty-printed, as WooCommerce sends it");
        assertEquals(Map.of("result", "created", "transactionId", "727"), shop.post("order.created", raw).json());
    }

    @Test
    void aNewSecretReplacesTheOldOneAtOnce() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        String newSecret = "the-rotated-secret-" + java.util.UUID.randomUUID();
        assertEquals(200, client.send("PUT", "/v1/connectors/shopify", key, "application/json", "{\"secret\":\"" + newSecret + "\"}").status());
        byte[] body = fixtures.bytes(shopifyOrder(shopifyId(), "hook.rotated@example.org"));
        assertProblem(shop.post("orders/fulfilled", body), 401);
        assertEquals("created", shop.postSigned("orders/fulfilled", body, ShopHooks.sign(newSecret, body), "application/json").json().get("result"));
    }

    @Test
    void aBadSignatureIs401AndNothingIsReadOrStored() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        long id = shopifyId();
        byte[] body = fixtures.bytes(shopifyOrder(id, "hook.forged@example.org"));
        List<String> logLines;
        try (LogCapture logs = new LogCapture()) {
            Map<String, Object> problem = assertProblem(shop.postUnsigned("orders/fulfilled", body), 401);
            assertEquals("urn:review-gateway:problem:bad-signature", problem.get("type"));
            assertProblem(shop.postSigned("orders/fulfilled", body, ShopHooks.sign("not-the-shops-secret", body), "application/json"), 401);
            logLines = List.copyOf(logs.lines());
        }
        for (String line : logLines) {
            assertTrue(!line.contains("hook.forged") && !line.contains(Long.toString(id)) && !line.contains(shop.secret), line);
        }
        assertProblem(shop.postSigned("orders/fulfilled", body, "not base64 at all!", "application/json"), 401);
        byte[] tampered = fixtures.bytes(shopifyOrder(id, "hook.tampered@example.org"));
        assertProblem(shop.postSigned("orders/fulfilled", tampered, ShopHooks.sign(shop.secret, body), "application/json"), 401);
        assertProblem(client.get("/v1/orders/" + id, key), 404);
        List<Map<String, Object>> connectors = (List<Map<String, Object>>) client.get("/v1/connectors", key).json().get("connectors");
        assertNull(connectors.get(0).get("lastReceivedAt"), "only a signed delivery counts");
    }

    @Test
    void badInputIsAClearProblemNeverA500() {
        ShopHooks shop = ShopHooks.connect(client, key, "shopify", "delegated", "fulfilled");
        byte[] notJson = "this is not json".getBytes(StandardCharsets.UTF_8);
        assertProblem(shop.post("orders/fulfilled", notJson), 400);
        assertProblem(shop.post("orders/fulfilled", "[1,2]"), 400);
        assertProblem(shop.post("orders/fulfilled", ""), 400);
        assertProblem(shop.post("orders/fulfilled", "null"), 400);
        assertProblem(shop.post("orders/fulfilled", "\"x\""), 400);
        assertProblem(shop.post("orders/fulfilled", "{\"id\":1}{"), 400);
        assertProblem(shop.post("shop/redact", notJson), 400);
        assertProblem(shop.post("some/other-topic", notJson), 400);
        assertProblem(shop.post("orders/fulfilled", new byte[]{0, 0, 0, 0x7B, 0x6E, 0x6F, 0x74, 0x65}), 400);
        assertProblem(shop.post("orders/fulfilled", new byte[]{0, 0x7B, 0, 0, 0x22, 0x69, 0x64, 0x22}), 400);
        assertProblem(shop.post("orders/fulfilled", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"), 400);
        assertFieldError(shop.post("orders/fulfilled", "{\"id\":\"12 34\",\"email\":\"hook.space@example.org\"}"), "id");
        assertEquals("created", shop.post("orders/fulfilled", "{\"id\":\"" + shopifyId() + "\",\"email\":\"hook.text@example.org\","
                + "\"customer\":{\"first_name\":[\"not\",\"text\"]},\"deep\":" + "[".repeat(500) + "]".repeat(500) + "}").json().get("result"));
        assertFieldError(shop.post("orders/fulfilled", "{\"email\":\"hook.noid@example.org\"}"), "id");
        assertFieldError(shop.post("orders/fulfilled", "{\"id\":1.5,\"email\":\"hook.noid@example.org\"}"), "id");
        assertFieldError(shop.post("refunds/create", "{\"id\":1}"), "order_id");
        byte[] text = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        assertProblem(shop.postSigned("orders/fulfilled", text, ShopHooks.sign(shop.secret, text), "text/plain"), 415);
        byte[] huge = ("{\"id\":1,\"note\":\"" + "n".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(shop.post("orders/fulfilled", huge), 413);
        assertProblem(client.postRaw("/hooks/shopify/00000000000000000000000000000000", Map.of("X-Shopify-Topic", "orders/fulfilled",
                "X-Shopify-Hmac-Sha256", ShopHooks.sign(shop.secret, text)), "application/json", text), 404);
        assertProblem(client.postRaw(shop.path.replace("shopify", "woocommerce"), Map.of("X-WC-Webhook-Topic", "order.created",
                "X-WC-Webhook-Signature", ShopHooks.sign(shop.secret, text)), "application/json", text), 404);

        assertEquals(204, client.send("DELETE", "/v1/connectors/shopify", key, null, null).status());
        assertProblem(shop.post("orders/fulfilled", fixtures.bytes(shopifyOrder(shopifyId(), "hook.deleted@example.org"))), 404);
    }

    @Test
    void wooCommerceOrdersFollowTheirStatusAndThePingIsAnswered() {
        ShopHooks shop = ShopHooks.connect(client, key, "woocommerce", "delegated", "completed");
        Reply ping = client.postRaw(shop.path, Map.of(), "application/x-www-form-urlencoded", "webhook_id=7".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, ping.status(), ping::toString);
        assertEquals("", ping.body());
        Reply jsonTypedPing = client.postRaw(shop.path, Map.of(), "application/json", "webhook_id=7".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, jsonTypedPing.status(), "a ping whose content type a proxy changed");

        String id = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000));
        Map<String, Object> order = fixtures.wooCommerceOrder();
        order.put("id", Long.parseLong(id));
        Fixtures.object(order, "billing").put("email", "hook.woo@example.org");
        assertEquals(Map.of("result", "ignored", "reason", "trigger", "transactionId", id),
                shop.post("order.created", fixtures.bytes(order)).json(), "processing is not the trigger");
        order.put("status", "completed");
        assertEquals(Map.of("result", "created", "transactionId", id), shop.post("order.updated", fixtures.bytes(order)).json());
        assertEquals("scheduled", order(id).get("status"));
        assertEquals(List.of(List.of("93", "Woo Single #1"), List.of("Bar3", "Ship Your Idea \u2013 Color: Black, Size: M Test")), products(id),
                "an empty SKU falls back to the product id; WooCommerce's HTML entities are decoded");
        assertEquals("exists", shop.post("order.updated", fixtures.bytes(order)).json().get("result"));
        order.put("status", "refunded");
        assertEquals(Map.of("result", "cancelled", "transactionId", id), shop.post("order.updated", fixtures.bytes(order)).json());
        assertEquals("cancelled", order(id).get("status"));
        for (String ended : List.of("cancelled", "failed")) {
            String other = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000));
            order.put("id", Long.parseLong(other));
            order.put("status", "completed");
            shop.post("order.created", fixtures.bytes(order));
            order.put("status", ended);
            assertEquals(Map.of("result", "cancelled", "transactionId", other), shop.post("order.updated", fixtures.bytes(order)).json(), ended);
        }
        assertProblem(shop.post("order.updated", "not json"), 400);
        order.remove("id");
        assertFieldError(shop.post("order.updated", fixtures.bytes(order)), "id");

        String deleted = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000));
        order.put("id", Long.parseLong(deleted));
        order.put("status", "completed");
        shop.post("order.created", fixtures.bytes(order));
        assertEquals(Map.of("result", "cancelled", "transactionId", deleted), shop.post("order.deleted", "{\"id\":" + deleted + "}").json());
        assertEquals(Map.of("result", "ignored", "reason", "topic"), shop.post("product.updated", "{\"id\":1}").json());
        assertProblem(shop.postUnsigned("order.created", fixtures.bytes(order)), 401);
    }

    @Test
    void wooCommercesTransactionIdIsNeverTheOrder() {
        ShopHooks shop = ShopHooks.connect(client, key, "woocommerce", "self", "processing");
        Map<String, Object> order = fixtures.wooCommerceOrder();
        String id = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 2_000_000_000));
        order.put("id", Long.parseLong(id));
        order.put("transaction_id", "pay-" + Names.unique("Ref"));
        assertEquals(Map.of("result", "created", "transactionId", id), shop.post("order.created", fixtures.bytes(order)).json());
    }
}
