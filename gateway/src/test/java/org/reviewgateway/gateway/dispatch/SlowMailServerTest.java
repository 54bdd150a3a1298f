package org.reviewgateway.gateway.dispatch;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.gateway.support.ScriptedSmtpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One send is bounded in time as a whole, not only step by step: a trickling server cannot hold a claim. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowMailServerTest implements TestPropertyProvider {

    private final ScriptedSmtpServer smtp = start();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;
    @Inject
    Dispatcher dispatcher;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "gateway.data-dir", "./target/test-data-slow-smtp",
                "mail.transport", "smtp",
                "mail.smtp.host", "127.0.0.1",
                "mail.smtp.port", String.valueOf(smtp.port()),
                "mail.smtp.timeout", "PT1S");
    }

    @AfterAll
    void stop() throws IOException {
        smtp.trickleGreeting(false);
        smtp.close();
    }

    @Test
    void aServerThatTricklesForeverIsCutOffAfterTheBoundAndTheMessageWaitsForItsBackoff() {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Slow Mail Shop").apiKey();
        String id = "SL-" + UUID.randomUUID();
        assertEquals(201, client.postJson("/v1/orders", key, Orders.delegated(id, "slow@example.org", null, null, clock.instant())).status());
        smtp.trickleGreeting(true);
        int connectionsBefore = smtp.connections();

        DispatchReport report = dispatcher.dispatchDue();

        assertTrue(report.count(DispatchOutcome.RETRY) >= 1, report::toString);
        Map<String, Object> delivery = Orders.firstDelivery(client, key, id);
        assertEquals("retrying", delivery.get("status"));
        assertEquals(1, ((Number) delivery.get("attempts")).intValue());
        assertEquals(connectionsBefore + report.count(DispatchOutcome.RETRY), smtp.connections(), "each cut off once, not reconnected at once");
        assertTrue(smtp.accepted().isEmpty());
        client.postJson("/v1/orders/" + id + "/cancel", key, "");
    }

    private static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
