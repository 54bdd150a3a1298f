package org.reviewgateway.gateway.dispatch;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reviewgateway.gateway.mail.MailGuard;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.gateway.support.ScriptedSmtpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SMTP replies GreenMail cannot stage: temporary 4xx, permanent 5xx, and unknown mailboxes. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpFaultTest implements TestPropertyProvider {

    private final ScriptedSmtpServer smtp = startServer();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;
    @Inject
    Dispatcher dispatcher;
    @Inject
    MailGuard guard;

    GatewayClient client;
    String key;
    String tag;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "gateway.data-dir", "./target/test-data-faults",
                "mail.transport", "smtp",
                "mail.smtp.host", "127.0.0.1",
                "mail.smtp.port", String.valueOf(smtp.port()),
                "mail.circuit-open-for", "PT1S",
                "dispatch.retry-initial", "PT1M",
                "dispatch.give-up-after", "PT1H");
    }

    @AfterAll
    void stop() throws IOException {
        smtp.close();
    }

    @BeforeEach
    void setUp() {
        client = new GatewayClient(server, json);
        key = client.newMerchant("Fault Shop").apiKey();
        tag = UUID.randomUUID().toString().substring(0, 8);
        dispatcher.dispatchDue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !guard.sendingPaused());
    }

    private String order(String email) {
        String id = "F-" + UUID.randomUUID();
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(id, email, null, null, clock.instant())).status());
        return id;
    }

    private long accepted(String email) {
        return smtp.accepted().stream().filter(a -> a.recipient().equals(email)).count();
    }

    @Test
    void temporaryRefusalIsRetriedWithBackoffAndDeliveredOnce() {
        String email = "later." + tag + "@example.org";
        String id = order(email);
        smtp.replyToRcpt("451 4.7.1 greylisted, try again later");

        DispatchReport first = dispatcher.dispatchDue();
        assertEquals(1, first.count(DispatchOutcome.RETRY), first::toString);
        Map<String, Object> retrying = Orders.firstDelivery(client, key, id);
        assertEquals("retrying", retrying.get("status"));
        assertEquals(1, ((Number) retrying.get("attempts")).intValue());
        assertEquals("scheduled", Orders.status(client, key, id));

        assertEquals(0, dispatcher.dispatchDue().count(DispatchOutcome.SENT), "not before the backoff");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertEquals(1, accepted(email));
        Map<String, Object> sent = Orders.firstDelivery(client, key, id);
        assertEquals("sent", sent.get("status"));
        assertEquals(2, ((Number) sent.get("attempts")).intValue());
        assertEquals("sent", Orders.status(client, key, id));
    }

    @Test
    void permanentRefusalFailsTheDeliveryWithoutSuppressing() {
        String email = "rejected." + tag + "@example.org";
        String id = order(email);
        smtp.replyToData("554 5.6.0 content rejected");

        assertEquals(1, dispatcher.dispatchDue().count(DispatchOutcome.FAILED));

        assertEquals("failed", Orders.status(client, key, id));
        assertEquals("failed", Orders.firstDelivery(client, key, id).get("status"));
        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();
        assertEquals(0, accepted(email), "never retried");
        assertEquals("scheduled", client.postJson("/v1/orders", key, Orders.delegated("F2-" + tag, email, null, null, null)).json().get("status"));
    }

    @Test
    void unknownMailboxFailsAndSuppressesTheAddress() {
        String email = "nobody." + tag + "@example.org";
        String id = order(email);
        smtp.replyToRcpt("550 5.1.1 <" + email + ">: Recipient address rejected: User unknown");

        assertEquals(1, dispatcher.dispatchDue().count(DispatchOutcome.FAILED));

        assertEquals("failed", Orders.status(client, key, id));
        GatewayClient.Reply view = client.get("/v1/orders/" + id, key);
        assertFalse(view.body().contains(email), "the server's reply quoted the address; it must not be kept");
        Map<String, Object> next = client.postJson("/v1/orders", key, Orders.delegated("F3-" + tag, email, null, null, null)).json();
        assertEquals("suppressed", next.get("status"));
    }

    @Test
    void temporaryFailuresPastTheGiveUpTimeFailForGood() {
        String email = "flaky." + tag + "@example.org";
        String id = order(email);
        smtp.replyToRcpt("421 4.3.2 shutting down", "421 4.3.2 shutting down", "421 4.3.2 shutting down", "421 4.3.2 shutting down");

        dispatcher.dispatchDue();
        for (int i = 0; i < 3 && "retrying".equals(Orders.firstDelivery(client, key, id).get("status")); i++) {
            clock.advance(Duration.ofMinutes(30));
            await().atMost(Duration.ofSeconds(5)).until(() -> !guard.sendingPaused());
            dispatcher.dispatchDue();
        }

        assertEquals("failed", Orders.firstDelivery(client, key, id).get("status"));
        assertEquals("failed", Orders.status(client, key, id));
        assertEquals(0, accepted(email));
        // Not an exact count: on the PostgreSQL run other test classes' deliveries share the database, come due when
        // this clock moves, and can take one of the scripted replies (DispatchRulesTest pins the give-up rule exactly).
        assertTrue(((Number) Orders.firstDelivery(client, key, id).get("attempts")).intValue() >= 2, "retried before it gave up");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "550 5.1.1 <{}>: Recipient address rejected: User unknown|true|failed",
            "550 5.2.1 <{}>: mailbox disabled|true|failed",
            "551 5.1.6 user has moved|true|failed",
            "550 no such user here|true|failed",
            "553 5.7.1 <reviews@localhost>: Sender address rejected: not owned by user|false|retrying",
            "550 5.7.1 Relaying denied|false|retrying",
            "550 5.1.8 Sender domain has no MX|false|retrying",
            "552 5.2.2 Mailbox full|false|failed",
            "554 5.3.4 Message too big for system|false|failed"})
    void onlyAMailboxAnswerSuppressesTheAddressAndARefusalOfOurSendingWaits(String reply, boolean suppresses, String status) {
        guard.reset();
        String email = "reply." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String id = order(email);
        smtp.replyToRcpt(reply.replace("{}", email));

        dispatcher.dispatchDue();

        assertEquals(status, Orders.firstDelivery(client, key, id).get("status"));
        assertFalse(client.get("/v1/orders/" + id, key).body().contains(email), "the reply quoted the address; it is not kept");
        String next = (String) client.postJson("/v1/orders", key, Orders.delegated("N-" + UUID.randomUUID(), email, null, null, null)).json().get("status");
        assertEquals(suppresses ? "suppressed" : "scheduled", next);
        client.postJson("/v1/orders/" + id + "/cancel", key, "");
        guard.reset();
    }

    @Test
    void aRelayThatRefusesOurSendingTripsTheCircuitInsteadOfBurningTheQueue() {
        guard.reset();
        List<String> ids = IntStream.range(0, 8).mapToObj(i -> order("relay" + i + "." + tag + "@example.org")).toList();
        smtp.replyToRcpt(Collections.nCopies(8, "550 5.7.1 Relaying denied").toArray(String[]::new));

        DispatchReport report = dispatcher.dispatchDue();

        assertTrue(guard.sendingPaused(), "the breaker opened");
        assertEquals(0, report.count(DispatchOutcome.FAILED), "no customer's invitation fails for the relay's refusal: " + report);
        assertTrue(report.count(DispatchOutcome.RETRY) < ids.size(), "the breaker stopped trying: " + report);
        assertTrue(ids.stream().anyMatch(id -> "pending".equals(Orders.firstDelivery(client, key, id).get("status"))), "the rest was never tried");
        smtp.clearRcptReplies();
        guard.reset();
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchDue();
        assertEquals(ids.size(), ids.stream().filter(id -> "sent".equals(Orders.status(client, key, id))).count(),
                "all go out once the relay is fixed, the refused ones after their backoff");
    }

    @Test
    void aTemporaryFailureOfABackdatedOrderIsRetriedNotGivenUp() {
        String email = "backdated." + tag + "@example.org";
        String id = "F-" + UUID.randomUUID();
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(id, email, null, null, clock.instant().minus(Duration.ofDays(10)))).status());
        smtp.replyToRcpt("451 4.3.0 try again later");

        assertEquals(1, dispatcher.dispatchDue().count(DispatchOutcome.RETRY), "give-up counts from the first attempt, not the due time");
        assertEquals("retrying", Orders.firstDelivery(client, key, id).get("status"));
        client.postJson("/v1/orders/" + id + "/cancel", key, "");
    }

    @Test
    void aSendRacingACancelNeverRecordsSentOverCancelledNorPlansAReminder() throws Exception {
        client.patchJson("/v1/settings", key, "{\"reminderDelay\":\"PT1H\"}");
        String email = "race." + tag + "@example.org";
        String id = order(email);
        CountDownLatch release = smtp.holdNextDataReply();
        CompletableFuture<DispatchReport> sending = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        assertTrue(smtp.awaitHeldData(10), "the message is on the wire");

        assertEquals(200, client.postJson("/v1/orders/" + id + "/cancel", key, "").status());
        release.countDown();
        sending.join();

        Map<String, Object> view = client.get("/v1/orders/" + id, key).json();
        assertEquals("cancelled", view.get("status"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) view.get("deliveries");
        assertEquals(List.of("cancelled"), deliveries.stream().map(d -> d.get("status")).toList(), "no sent over cancelled, no reminder");
    }

    @Test
    void anInvitationOnTheWireWhileItsDataIsDeletedStillCountsAsSentAndItsLinkStaysOpen() throws Exception {
        String email = "erased." + tag + "@example.org";
        String id = order(email);
        String link = (String) client.get("/v1/orders/" + id, key).json().get("reviewLink");
        CountDownLatch release = smtp.holdNextDataReply();
        CompletableFuture<DispatchReport> sending = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        assertTrue(smtp.awaitHeldData(10), "the message is on the wire");

        assertEquals(204, client.send("DELETE", "/v1/orders/" + id + "/personal-data", key, null, null).status());
        release.countDown();
        sending.join();

        Map<String, Object> view = client.get("/v1/orders/" + id, key).json();
        assertEquals("purged", view.get("personalData"));
        assertEquals("sent", view.get("status"), "the customer got the invitation: the order is not cancelled");
        assertEquals(200, client.get(link.substring(server.getURL().toString().length()), null).status(), "its review link works");
    }

    private static ScriptedSmtpServer startServer() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
