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
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.gateway.support.ScriptedSmtpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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
        smtp.replyToData("554 5.7.1 message refused");

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
        assertTrue(smtp.accepted().stream().noneMatch(a -> a.recipient().equals(email)));
    }

    private static ScriptedSmtpServer startServer() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
