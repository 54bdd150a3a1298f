package org.reviewgateway.gateway.webhook;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reviewgateway.gateway.dispatch.Dispatcher;
import org.reviewgateway.gateway.privacy.UnsubscribeTokens;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.gateway.support.ScriptedSmtpServer;
import org.reviewgateway.gateway.support.WebhookReceiver;
import org.reviewgateway.gateway.support.WebhookReceiver.Received;
import org.reviewgateway.retention.PersonalDataPurger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Merchant webhooks end to end: events written by the API, the dispatcher, the review form, the unsubscribe link,
 * an erasure and the purge, posted to a real HTTP receiver that verifies each signature; receivers failing, down,
 * hanging or redirecting; retries from the row with the same webhook-id; give-up. The dispatcher is run by the test.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryTest implements TestPropertyProvider {

    private static final String ALL_EVENTS = "[\"invitation.sent\",\"invitation.failed\",\"review.created\","
            + "\"recipient.unsubscribed\",\"personal_data.purged\"]";

    private final ScriptedSmtpServer smtp = startSmtp();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;
    @Inject
    Dispatcher mail;
    @Inject
    WebhookDispatcher webhooks;
    @Inject
    PersonalDataPurger purger;
    @Inject
    UnsubscribeTokens unsubscribeTokens;
    @Inject
    DataSource dataSource;

    GatewayClient client;
    String key;
    UUID merchantId;
    WebhookReceiver receiver;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "gateway.data-dir", "./target/test-data-webhooks-" + UUID.randomUUID(), // a fresh outbox each run
                "mail.transport", "smtp",
                "mail.smtp.host", "127.0.0.1",
                "mail.smtp.port", String.valueOf(smtp.port()),
                "webhooks.allow-private-networks", "true");
    }

    private static ScriptedSmtpServer startSmtp() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopSmtp() throws IOException {
        smtp.close();
    }

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Hooked Shop");
        key = merchant.apiKey();
        merchantId = UUID.fromString(merchant.id());
        receiver = WebhookReceiver.start();
        webhooks.dispatchDue(); // whatever an earlier test left due
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        // what a test left waiting must not reach a later test's receiver that happens to get the same port
        Db.update(dataSource, "DELETE FROM webhook_messages");
        Db.update(dataSource, "DELETE FROM webhooks");
    }

    /** @return the new webhook's secret */
    private String subscribe(String url, String events) {
        GatewayClient.Reply created = client.postJson("/v1/webhooks", key, "{\"url\":\"" + url + "\",\"events\":" + events + "}");
        assertEquals(201, created.status(), created::toString);
        return (String) created.json().get("secret");
    }

    private String reviewedOrder(int rating, String comment) {
        String transactionId = "W-" + UUID.randomUUID();
        String link = (String) client.postJson("/v1/orders", key, OrderBody.self(transactionId).json()).json().get("reviewLink");
        GatewayClient.Reply thanks = client.send("POST", link.substring(server.getURL().toString().length()), null,
                "application/x-www-form-urlencoded", "rating=" + rating + "&comment=" + comment);
        assertEquals(200, thanks.status(), thanks::toString);
        return transactionId;
    }

    private Map<String, Object> body(Received request) {
        try {
            return json.readValue(request.body(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> data(Received request) {
        return (Map<String, Object>) body(request).get("data");
    }

    private long waiting() {
        return Db.count(dataSource, "SELECT COUNT(*) FROM webhook_messages WHERE merchant_id = ?", merchantId);
    }

    private Map<String, Object> onlyWebhook() {
        List<Map<String, Object>> all = (List<Map<String, Object>>) client.get("/v1/webhooks", key).json().get("webhooks");
        assertEquals(1, all.size());
        return all.get(0);
    }

    @Test
    void everyEventOfAnInvitationsLifeArrivesSignedAndWithoutPersonalData() {
        String secret = subscribe(receiver.url("/hooks/reviews"), ALL_EVENTS);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String sentTo = "hooked.customer." + tag + "@example.org";
        String bouncedTo = "hooked.nobody." + tag + "@example.org";
        String purgedTo = "hooked.purged." + tag + "@example.org";
        String name = "Hookname" + tag.replaceAll("[0-9]", "x");

        String sent = "S-" + tag;
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(sent, sentTo, name, null, clock.instant())).status());
        mail.dispatchDue();
        smtp.replyToRcpt("550 5.1.1 no such user");
        String bounced = "B-" + tag;
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(bounced, bouncedTo, name, null, clock.instant())).status());
        mail.dispatchDue();
        smtp.clearRcptReplies();
        long sentOrderId = Db.count(dataSource, "SELECT id FROM orders WHERE transaction_id = ? AND merchant_id = ?", sent, merchantId);
        GatewayClient.Reply unsubscribed = client.send("POST", "/u/" + unsubscribeTokens.forOrder(merchantId, sentOrderId), null,
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertEquals(200, unsubscribed.status());
        client.send("POST", "/u/" + unsubscribeTokens.forOrder(merchantId, sentOrderId), null,
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click"); // a second click is no new event
        assertEquals(204, client.send("DELETE", "/v1/orders/" + sent + "/personal-data", key, null, null).status());
        String reviewed = reviewedOrder(5, "Lovely+mug");
        String purged = "P-" + tag;
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(purged, purgedTo, name, null, clock.instant().plus(Duration.ofDays(1)))).status());
        purger.purge(clock.instant().plus(Duration.ofDays(400)), false, "test");

        webhooks.dispatchDue();

        List<Received> got = receiver.received();
        Map<String, List<Map<String, Object>>> byType = got.stream().map(this::body)
                .collect(Collectors.groupingBy(b -> (String) b.get("type")));
        assertEquals(Set.of("invitation.sent", "invitation.failed", "recipient.unsubscribed", "personal_data.purged", "review.created"),
                byType.keySet(), got::toString);
        assertEquals(1, byType.get("invitation.sent").size());
        Map<String, Object> invitation = (Map<String, Object>) byType.get("invitation.sent").get(0).get("data");
        assertEquals(sent, invitation.get("transactionId"));
        assertEquals("invite", invitation.get("kind"));
        assertTrue(invitation.get("sentAt") instanceof String);
        Map<String, Object> failed = (Map<String, Object>) byType.get("invitation.failed").get(0).get("data");
        assertEquals(bounced, failed.get("transactionId"));
        assertEquals("invite", failed.get("kind"));
        assertTrue(failed.get("failedAt") instanceof String);
        assertEquals(1, byType.get("recipient.unsubscribed").size(), "one event per opt-out, not per click");
        assertEquals(sent, ((Map<String, Object>) byType.get("recipient.unsubscribed").get(0).get("data")).get("transactionId"));
        assertEquals(Set.of(sent, bounced, purged), byType.get("personal_data.purged").stream()
                .map(b -> ((Map<String, Object>) b.get("data")).get("transactionId")).collect(Collectors.toSet()),
                "by the erasure (sent), and by the purge: the bounced order past its retention, the planned one past the cut-off");
        assertEquals(3, byType.get("personal_data.purged").size(), "once each");
        Map<String, Object> review = (Map<String, Object>) byType.get("review.created").get(0).get("data");
        assertEquals(reviewed, review.get("transactionId"));
        assertEquals(5, ((Number) review.get("rating")).intValue());
        assertEquals("Lovely mug", review.get("comment"));
        assertEquals(List.of(), review.get("products"));

        long now = clock.instant().getEpochSecond();
        for (Received request : got) {
            assertEquals("/hooks/reviews", request.path());
            assertTrue(request.id().startsWith("msg_"), request.id());
            assertTrue(Math.abs(Long.parseLong(request.timestamp()) - now) < 60, "webhook-timestamp in Unix seconds");
            assertTrue(WebhookReceiver.signedWith(secret, request), "signed: " + request);
            assertTrue(Instant.parse((String) body(request).get("timestamp")).isBefore(clock.instant().plusSeconds(1)));
            for (String personal : List.of(sentTo, bouncedTo, purgedTo, name, tag + "@")) {
                assertFalse(request.body().contains(personal) || request.id().contains(personal), "no personal data in " + request);
            }
        }
        assertEquals(got.size(), got.stream().map(Received::id).distinct().count(), "a webhook-id per event");
        assertEquals(0, waiting(), "delivered messages leave the outbox");
        assertEquals(200, ((Number) onlyWebhook().get("lastStatus")).intValue());
        assertTrue(onlyWebhook().get("lastAttemptAt") instanceof String);
    }

    @Test
    void onlySubscribedEventsAreSentAndEachEndpointGetsItsOwn() {
        WebhookReceiver second = WebhookReceiver.start();
        try {
            String reviewsOnly = subscribe(receiver.url("/reviews"), "[\"review.created\"]");
            String sentOnly = subscribe(second.url("/sent"), "[\"invitation.sent\"]");
            String transactionId = reviewedOrder(4, "fine");
            webhooks.dispatchDue();

            assertEquals(1, receiver.received().size());
            assertEquals(transactionId, data(receiver.received().get(0)).get("transactionId"));
            assertTrue(WebhookReceiver.signedWith(reviewsOnly, receiver.received().get(0)));
            assertFalse(WebhookReceiver.signedWith(sentOnly, receiver.received().get(0)), "each endpoint has its own secret");
            assertEquals(List.of(), second.received(), "not subscribed to review.created");
        } finally {
            second.close();
        }
    }

    @Test
    void aFailingReceiverGetsTheSameMessageAgainAfterTheBackoff() {
        String secret = subscribe(receiver.url("/flaky"), "[\"review.created\"]");
        receiver.replyWith(500);
        reviewedOrder(3, "ok");

        webhooks.dispatchDue();
        assertEquals(1, receiver.received().size());
        assertEquals(1, waiting(), "kept for a retry");
        assertEquals(500, ((Number) onlyWebhook().get("lastStatus")).intValue());
        webhooks.dispatchDue();
        assertEquals(1, receiver.received().size(), "not before WEBHOOKS_RETRY_INITIAL");

        clock.advance(Duration.ofSeconds(31));
        webhooks.dispatchDue();

        List<Received> got = receiver.received();
        assertEquals(2, got.size());
        assertEquals(got.get(0).id(), got.get(1).id(), "the same webhook-id on the retry");
        assertEquals(got.get(0).body(), got.get(1).body());
        assertTrue(WebhookReceiver.signedWith(secret, got.get(1)));
        assertEquals(0, waiting());
        assertEquals(200, ((Number) onlyWebhook().get("lastStatus")).intValue());
    }

    @Test
    void aReceiverDownForAnHourMissesNothing() {
        int port = WebhookReceiver.freePort();
        String secret = subscribe("http://127.0.0.1:" + port + "/down", "[\"review.created\"]");
        Set<String> reviewed = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            reviewed.add(reviewedOrder(5, "while+down+" + i));
        }
        for (int minute = 0; minute < 60; minute += 5) {
            webhooks.dispatchDue();
            clock.advance(Duration.ofMinutes(5));
        }
        assertEquals(3, waiting(), "nothing given up, nothing lost");
        assertEquals(null, onlyWebhook().get("lastStatus"), "no answer yet");

        try (WebhookReceiver back = WebhookReceiver.startOn(port)) {
            clock.advance(Duration.ofHours(1));
            webhooks.dispatchDue();
            webhooks.dispatchDue();

            List<Received> got = back.received();
            assertEquals(3, got.size(), got::toString);
            assertEquals(reviewed, got.stream().map(r -> data(r).get("transactionId")).collect(Collectors.toSet()));
            assertTrue(got.stream().allMatch(r -> WebhookReceiver.signedWith(secret, r)));
            assertEquals(0, waiting());
        }
    }

    @Test
    void aHangingReceiverTimesOutWithoutHoldingTheDispatcher() {
        subscribe(receiver.url("/slow"), "[\"review.created\"]");
        receiver.replyWith(WebhookReceiver.HANG);
        reviewedOrder(2, "slow");

        assertTimeoutPreemptively(Duration.ofSeconds(40), () -> webhooks.dispatchDue());

        assertEquals(1, waiting());
        assertEquals("timed out", Db.text(dataSource, "SELECT last_error FROM webhook_messages WHERE merchant_id = '" + merchantId + "'"));
        receiver.releaseHanging();
        clock.advance(Duration.ofMinutes(1));
        webhooks.dispatchDue();
        List<Received> got = receiver.received();
        assertEquals(2, got.size());
        assertEquals(got.get(0).id(), got.get(1).id());
        assertEquals(0, waiting());
    }

    @Test
    void redirectsAreNotFollowed() {
        subscribe(receiver.url("/moved"), "[\"review.created\"]");
        receiver.replyWith(302);
        reviewedOrder(4, "moved");

        webhooks.dispatchDue();

        assertEquals(List.of("/moved"), receiver.received().stream().map(Received::path).toList(), "never /elsewhere");
        assertEquals(1, waiting(), "a 3xx is not a delivery");
        assertEquals(302, ((Number) onlyWebhook().get("lastStatus")).intValue());
    }

    @Test
    void aMessageIsGivenUpAfterWebhooksGiveUpAfter() {
        subscribe(receiver.url("/broken"), "[\"review.created\"]");
        receiver.replyWith(500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        reviewedOrder(1, "broken");

        webhooks.dispatchDue();
        clock.advance(Duration.ofDays(3).minusMinutes(2));
        webhooks.dispatchDue();
        assertEquals(1, waiting(), "still within P3D of the first attempt");
        clock.advance(Duration.ofHours(2));
        webhooks.dispatchDue();

        assertEquals(0, waiting(), "given up");
        int attempts = receiver.received().size();
        assertEquals(3, attempts);
        clock.advance(Duration.ofDays(1));
        webhooks.dispatchDue();
        assertEquals(attempts, receiver.received().size(), "nothing after giving up");
    }

    @Test
    void deletingAWebhookDropsWhatWaitedForIt() {
        subscribe(receiver.url("/gone"), "[\"review.created\"]");
        receiver.replyWith(503);
        reviewedOrder(5, "gone");
        webhooks.dispatchDue();
        assertEquals(1, waiting());

        assertEquals(204, client.send("DELETE", "/v1/webhooks/" + onlyWebhook().get("id"), key, null, null).status());
        clock.advance(Duration.ofHours(1));
        webhooks.dispatchDue();

        assertEquals(0, waiting());
        assertEquals(1, receiver.received().size());
    }

    @Test
    void anEventIsWrittenOnlyWhenItsChangeCommits() {
        subscribe(receiver.url("/twice"), "[\"review.created\"]");
        String transactionId = "T-" + UUID.randomUUID();
        String link = (String) client.postJson("/v1/orders", key, OrderBody.self(transactionId).json()).json().get("reviewLink");
        String path = link.substring(server.getURL().toString().length());
        assertEquals(200, client.send("POST", path, null, "application/x-www-form-urlencoded", "rating=5").status());
        assertNotEquals(200, client.send("POST", path, null, "application/x-www-form-urlencoded", "rating=1").status());

        webhooks.dispatchDue();

        assertEquals(1, receiver.received().size(), "the refused second review wrote no event");
        assertEquals(5, ((Number) data(receiver.received().get(0)).get("rating")).intValue());
    }
}
