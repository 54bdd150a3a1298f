package org.reviewgateway.gateway.dispatch;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.mail.file.FileMailSender;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.retention.PersonalDataPurger;

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
    @Inject
    FileMailSender files;
    @Inject
    PersonalDataPurger purger;

    private static final Path MAIL = Path.of("target/test-data-file/mail");

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
    void anOrdersMailFilesGoWhenItsPersonalDataEnds() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Tidy Shop").apiKey();
        client.patchJson("/v1/settings", key, "{\"retention\":\"P1D\"}");
        String cancelled = sentTo(client, key, "cancel");
        String purged = sentTo(client, key, "purge");
        String erased = sentTo(client, key, "erase");

        client.postJson("/v1/orders/" + cancelled + "/cancel", key, "");
        assertEquals(0, filesTo(emailOf(cancelled)), "cancel deletes the copy at once");
        client.postJson("/v1/erasure-requests", key, "{\"email\":\"" + emailOf(erased) + "\"}");
        assertEquals(0, filesTo(emailOf(erased)), "so does an erasure request");

        assertEquals(1, filesTo(emailOf(purged)));
        purger.purge(clock.instant().plus(Duration.ofDays(2)), false, "test");
        files.sweep();
        assertEquals(0, filesTo(emailOf(purged)), "the sweep removes what the purge ended");

        String owner = "owner." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        assertEquals(202, client.postJson("/v1/templates/en/test-send", key, "{\"email\":\"" + owner + "\"}").status());
        files.sweep();
        assertEquals(1, filesTo(owner), "a test message stays an hour, to be looked at");
        clock.advance(Duration.ofHours(2));
        try {
            files.sweep();
        } finally {
            clock.advance(Duration.ofHours(-2));
        }
        assertEquals(0, filesTo(owner));
    }

    private String sentTo(GatewayClient client, String key, String who) {
        String id = "T-" + who + "-" + UUID.randomUUID().toString().substring(0, 8);
        client.postJson("/v1/orders", key, Orders.delegated(id, emailOf(id), null, null, clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(Orders.status(client, key, id)));
        return id;
    }

    private static String emailOf(String transactionId) {
        return transactionId.toLowerCase(java.util.Locale.ROOT) + "@example.org";
    }

    private static long filesTo(String email) throws Exception {
        try (Stream<Path> files = Files.list(MAIL)) {
            return files.filter(f -> f.toString().endsWith(".eml")).filter(f -> {
                try {
                    return Files.readString(f).contains(email);
                } catch (java.io.IOException e) {
                    return false;
                }
            }).count();
        }
    }

    @Test
    void healthAndMetricsReportTheDispatcher() {
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Reply health = client.get("/health", null);
        assertEquals(200, health.status());
        assertTrue(health.body().contains("\"mail\"") && health.body().contains("CLOSED"), health.body());

        String key = client.newMerchant("Metric Shop").apiKey();
        client.postJson("/v1/orders", key, OrderBody.self("M-1").json());
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
