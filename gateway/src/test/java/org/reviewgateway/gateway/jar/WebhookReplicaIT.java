package org.reviewgateway.gateway.jar;

import io.micronaut.json.JsonMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.gateway.support.WebhookReceiver;
import org.reviewgateway.gateway.support.WebhookReceiver.Received;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks across processes on one PostgreSQL: replica A is killed with SIGKILL while its receiver holds a delivery;
 * the standalone retention job purges and writes its personal_data.purged event; replica B, started afterwards, takes
 * A's message over once A's lease has run out (same webhook-id: at least once) and delivers the job's event.
 */
class WebhookReplicaIT {

    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path workDir;

    @Test
    void aReplicaKilledMidDeliveryLeavesItsMessageToAnotherAndTheStandaloneJobsEventsAreDelivered() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(); EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "DATASOURCES_DEFAULT_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "DATASOURCES_DEFAULT_USERNAME", "postgres",
                    "DATASOURCES_DEFAULT_PASSWORD", "",
                    "GATEWAY_PII_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                    "GATEWAY_ADMIN_TOKEN", GatewayClient.ADMIN_TOKEN,
                    "GATEWAY_DATA_DIR", workDir.resolve("data").toString(),
                    "RETENTION_ENABLED", "false"));
            env.putAll(Map.of(
                    "WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true",
                    "WEBHOOKS_POLL_INTERVAL", "PT0.2S",
                    "WEBHOOKS_LEASE", "PT45S"));
            receiver.replyWith(WebhookReceiver.HANG);

            String secret;
            String reviewed = "RK-1";
            String purged = "PK-1";
            try (GatewayProcess a = GatewayProcess.start(workDir, env).awaitHealthy()) {
                GatewayClient viaA = new GatewayClient(a.base(), json);
                String key = viaA.newMerchant("Replica Hook Shop").apiKey();
                GatewayClient.Reply created = viaA.postJson("/v1/webhooks", key, "{\"url\":\"" + receiver.url("/hooks")
                        + "\",\"events\":[\"review.created\",\"personal_data.purged\"]}");
                assertEquals(201, created.status(), created::toString);
                secret = (String) created.json().get("secret");
                assertEquals(201, viaA.postJson("/v1/orders", key, Orders.delegated(purged, "kept.until.purge@example.org", null, null, null)).status());
                String link = (String) viaA.postJson("/v1/orders", key, OrderBody.self(reviewed).json()).json().get("reviewLink");
                assertEquals(200, viaA.send("POST", link.substring(a.base().length()), null, "application/x-www-form-urlencoded", "rating=5").status());

                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
                a.kill(); // with the delivery on the wire, unanswered
            }
            receiver.releaseHanging();

            GatewayProcess job = GatewayProcess.retentionJob(workDir, env, "--once", "--as-of", "2100-01-01T00:00:00Z");
            assertEquals(0, job.awaitExit(), job::toString);

            try (GatewayProcess b = GatewayProcess.start(workDir, env).awaitHealthy()) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> receiver.received().size() >= 3);
                Thread.sleep(1000); // anything more would be a duplicate beyond the bound
            }

            List<Received> got = receiver.received();
            assertEquals(3, got.size(), got::toString);
            Received held = got.get(0);
            assertTrue(held.body().contains("\"transactionId\":\"" + reviewed + "\""), held::body);
            List<Received> again = got.stream().filter(r -> r.id().equals(held.id())).toList();
            assertEquals(2, again.size(), "A's message taken over with the same webhook-id, once: " + got);
            assertEquals(held.body(), again.get(1).body());
            List<Received> others = got.stream().filter(r -> !r.id().equals(held.id())).toList();
            assertEquals(1, others.size());
            assertTrue(others.get(0).body().contains("\"type\":\"personal_data.purged\""), others.get(0)::body);
            assertTrue(others.get(0).body().contains("\"transactionId\":\"" + purged + "\""), others.get(0)::body);
            assertTrue(got.stream().allMatch(r -> WebhookReceiver.signedWith(secret, r)));
            assertTrue(got.stream().noneMatch(r -> r.body().contains("kept.until.purge")));
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM webhook_messages")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "nothing left waiting");
            }
        }
    }
}
