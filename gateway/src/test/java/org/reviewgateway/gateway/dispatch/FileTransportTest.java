package org.reviewgateway.gateway.dispatch;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Orders;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default set-up: the scheduled dispatcher writes each message as an .eml file. */
@MicronautTest(transactional = false)
@Property(name = "gateway.data-dir", value = "./target/test-data-file")
@Property(name = "dispatch.enabled", value = "true")
@Property(name = "dispatch.poll-interval", value = "PT0.2S")
class FileTransportTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;

    @Test
    void scheduledDispatcherWritesTheInvitationAsAnEmlFile() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("File Shop").apiKey();
        String id = "E-" + UUID.randomUUID();
        String email = "file." + id.substring(2, 10) + "@example.org";

        client.postJson("/v1/orders", key, Orders.delegated(id, email, "Kim", null, clock.instant()));

        await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(Orders.status(client, key, id)));
        Path mail = Path.of("target/test-data-file/mail");
        MimeMessage message = find(mail, email);
        assertEquals("How was your order from File Shop?", message.getSubject());
        assertTrue(message.getHeader("List-Unsubscribe")[0].contains("/u/"));
        try (Stream<Path> files = Files.list(mail)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no half-written files");
        }
    }

    @Test
    void healthAndMetricsReportTheDispatcher() {
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Reply health = client.get("/health", null);
        assertEquals(200, health.status());
        assertTrue(health.body().contains("\"mail\"") && health.body().contains("CLOSED"), health.body());

        String key = client.newMerchant("Metric Shop").apiKey();
        client.postJson("/v1/orders", key, "{\"transactionId\":\"M-1\",\"delivery\":\"self\"}");
        String metrics = client.get("/prometheus", null).body();
        for (String name : List.of("gateway_orders_ingested_total", "gateway_deliveries_total", "gateway_deliveries_queue", "gateway_mail_circuit_open")) {
            assertTrue(metrics.contains(name), name);
        }
        assertTrue(metrics.contains("delivery=\"self\""), "orders by delivery mode");
    }

    private static MimeMessage find(Path directory, String email) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    if (message.getAllRecipients()[0].toString().equals(email)) {
                        return message;
                    }
                }
            }
        }
        throw new AssertionError("no .eml file for the order");
    }
}
