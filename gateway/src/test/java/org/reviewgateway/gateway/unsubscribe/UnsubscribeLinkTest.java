package org.reviewgateway.gateway.unsubscribe;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.privacy.UnsubscribeTokens;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.retention.PersonalDataPurger;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unsubscribe link as customers and mail providers use it: long after the purge, one-click as RFC 8058 posts it. */
@MicronautTest(transactional = false)
@Property(name = "gateway.data-dir", value = "./target/test-data-unsubscribe")
class UnsubscribeLinkTest {

    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;
    @Inject
    PersonalDataPurger purger;
    @Inject
    UnsubscribeTokens tokens;
    @Inject
    DataSource dataSource;

    GatewayClient client;
    String key;
    UUID merchantId;
    String email;

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Optout Shop");
        key = merchant.apiKey();
        merchantId = UUID.fromString(merchant.id());
        email = "reader." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** The path of the link the order's e-mail carries. */
    private String linkOf(String transactionId) {
        long orderId = Db.count(dataSource, "SELECT id FROM orders WHERE transaction_id = ?", transactionId);
        return "/u/" + tokens.forOrder(merchantId, orderId);
    }

    private String delegated(String email) {
        String id = "U-" + UUID.randomUUID();
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(id, email, null, null, clock.instant())).status());
        return id;
    }

    private String statusOfNewOrderTo(String email) {
        return (String) client.postJson("/v1/orders", key, Orders.delegated("N-" + UUID.randomUUID(), email, null, null, null)).json().get("status");
    }

    @Test
    void unsubscribeWorksLongAfterThePurgeDeletedThePersonalData() {
        client.patchJson("/v1/settings", key, "{\"retention\":\"P1D\"}");
        String id = delegated(email);
        String link = linkOf(id);
        purger.purge(clock.instant().plus(Duration.ofDays(2)), false, "test");
        assertEquals("purged", client.get("/v1/orders/" + id, key).json().get("personalData"));

        clock.advance(Duration.ofDays(300));
        GatewayClient.Reply page = client.get(link, null);
        assertEquals(200, page.status(), page::toString);
        assertEquals(200, client.send("POST", link, null, "application/x-www-form-urlencoded", ONE_CLICK).status());

        assertEquals("suppressed", statusOfNewOrderTo(email), "the opt-out holds for the next order to that address");
    }

    @Test
    void oneClickAsMailProvidersSendItIsMultipartFormData() {
        String boundary = "----provider" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--" + boundary + "--\r\n";
        String link = linkOf(delegated(email));

        GatewayClient.Reply reply = client.send("POST", link, null, "multipart/form-data; boundary=" + boundary, body);

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("suppressed", statusOfNewOrderTo(email));

        String undo = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"action\"\r\n\r\nresubscribe\r\n--" + boundary + "--\r\n";
        assertEquals(200, client.send("POST", link, null, "multipart/form-data; boundary=" + boundary, undo).status());
        assertEquals("scheduled", statusOfNewOrderTo(email), "the multipart field was read: undo lifted the opt-out");
    }

    @Test
    void undoLiftsOnlyTheUnsubscribeAndOnlyWithItsExactField() {
        String link = linkOf(delegated(email));
        client.send("POST", link, null, "application/x-www-form-urlencoded", ONE_CLICK);

        client.send("POST", link, null, "application/x-www-form-urlencoded", "comment=action%3Dresubscribe");
        assertEquals("suppressed", statusOfNewOrderTo(email), "a field merely containing the words does not undo");

        assertEquals(200, client.send("POST", link, null, "application/x-www-form-urlencoded", "action=resubscribe").status());
        assertEquals("scheduled", statusOfNewOrderTo(email));

        assertEquals(200, client.postJson("/v1/erasure-requests", key, "{\"email\":\"" + email + "\"}").status());
        GatewayClient.Reply undo = client.send("POST", link, null, "application/x-www-form-urlencoded", "action=resubscribe");
        assertEquals(200, undo.status());
        assertEquals("suppressed", statusOfNewOrderTo(email), "an erasure request is not the link's to lift");
    }

    @Test
    void aBodyThatCannotBeDecodedIs400NotAServerError() {
        String link = linkOf(delegated(email));
        GatewayClient.Reply reply = client.send("POST", link, null, "application/x-www-form-urlencoded", "List-Unsubscribe=%zz");
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    }

    @Test
    void anExpiredLinkIsGoneAndThePurgeDeletesIt() {
        String link = linkOf(delegated(email));
        byte[] tokenHash = SecretTokens.hash(link.substring("/u/".length()));
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM opt_out_links WHERE token_hash = ?", tokenHash));
        clock.advance(Duration.ofDays(365 + 366));
        try {
            assertEquals(404, client.get(link, null).status());
            purger.purge(clock.instant(), false, "test");
            assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM opt_out_links WHERE token_hash = ?", tokenHash), "the expired link is deleted");
        } finally {
            clock.advance(Duration.ofDays(-(365 + 366)));
        }
    }
}
