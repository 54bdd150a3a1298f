package org.reviewgateway.gateway.jar;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.json.JsonMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.Orders;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two gateway replicas (the real jar) and the standalone retention job share one PostgreSQL and one
 * SMTP server. 5 000 delegated orders go in through both replicas; one replica is killed with SIGKILL
 * while it dispatches. Every address must still get its invitation; duplicates can only come from the
 * messages the killed replica had sent and not yet recorded (at most DISPATCH_PIPELINE_DEPTH per sender), and are counted.
 */
class ScaleOutIT {

    private static final int ORDERS = 5_000;
    private static final int BATCH_SIZE = 50;
    private static final int CONNECTIONS = 2;
    /** Messages a sender may have handed to the mail server and not yet recorded: all that a kill can send twice. */
    private static final int PIPELINE_DEPTH = 8;

    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path workDir;

    @Test
    void twoReplicasAndTheRetentionJobShareOnePostgresWithoutLosingOrDoublingMail() throws Exception {
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "DATASOURCES_DEFAULT_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "DATASOURCES_DEFAULT_USERNAME", "postgres",
                    "DATASOURCES_DEFAULT_PASSWORD", "",
                    "GATEWAY_PII_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                    "GATEWAY_ADMIN_TOKEN", GatewayClient.ADMIN_TOKEN,
                    "GATEWAY_PUBLIC_BASE_URL", "https://reviews.example",
                    "MAIL_TRANSPORT", "smtp",
                    "MAIL_SMTP_HOST", "127.0.0.1",
                    "MAIL_SMTP_PORT", String.valueOf(smtpPort)));
            env.putAll(Map.of(
                    "MAIL_RATE_PER_SECOND", "10000",
                    "DISPATCH_POLL_INTERVAL", "PT0.5S",
                    "DISPATCH_BATCH_SIZE", String.valueOf(BATCH_SIZE),
                    "DISPATCH_LEASE", "PT30S",
                    "DISPATCH_CONNECTIONS", String.valueOf(CONNECTIONS),
                    "DISPATCH_PIPELINE_DEPTH", String.valueOf(PIPELINE_DEPTH),
                    "RETENTION_ENABLED", "false",
                    "GATEWAY_DATA_DIR", workDir.resolve("data").toString()));
            Map<String, String> jobEnv = new HashMap<>(env);
            jobEnv.put("RETENTION_INTERVAL", "PT2S");

            try (GatewayProcess a = GatewayProcess.start(workDir, env).awaitHealthy();
                 GatewayProcess b = GatewayProcess.start(workDir, env).awaitHealthy();
                 GatewayProcess job = GatewayProcess.retentionJob(workDir, jobEnv)) {
                GatewayClient viaA = new GatewayClient(a.base(), json);
                GatewayClient viaB = new GatewayClient(b.base(), json);
                String key = viaA.newMerchant("Scale Shop").apiKey();

                String twice = Orders.delegated("TWICE", "twice@example.org", null, null, Instant.now().plus(Duration.ofDays(1)));
                List<Integer> statuses = List.of(viaA.postJson("/v1/orders", key, twice).status(), viaB.postJson("/v1/orders", key, twice).status());
                assertEquals(List.of(201, 200), statuses, "the same order through both replicas is recorded once");

                Instant due = Instant.now().plus(Duration.ofSeconds(20));
                for (int batch = 0; batch < ORDERS / 500; batch++) {
                    int first = batch * 500;
                    String body = IntStream.range(first, first + 500)
                            .mapToObj(i -> Orders.delegated("S-" + i, "customer" + i + "@example.org", null, null, due))
                            .collect(Collectors.joining(",", "{\"orders\":[", "]}"));
                    GatewayClient replica = batch % 2 == 0 ? viaA : viaB;
                    assertEquals(200, replica.postJson("/v1/orders/batch", key, body).status());
                }
                assertEquals(ORDERS, count(postgres, "SELECT COUNT(*) FROM deliveries WHERE kind = 'invite' AND order_id IN (SELECT id FROM orders WHERE transaction_id LIKE 'S-%')"));

                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                        .until(() -> smtp.getReceivedMessages().length >= ORDERS / 5);
                a.kill();
                int receivedAtKill = smtp.getReceivedMessages().length;

                // A kill in the middle of an SMTP conversation resets that connection, and GreenMail's handler
                // thread throws on it: the very fault under test, not a failure (Awaitility would report it).
                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> count(postgres, "SELECT COUNT(*) FROM deliveries WHERE status = 'sent' AND order_id IN (SELECT id FROM orders WHERE transaction_id LIKE 'S-%')") == ORDERS);

                Map<String, Integer> perAddress = new HashMap<>();
                for (MimeMessage message : smtp.getReceivedMessages()) {
                    perAddress.merge(((InternetAddress) message.getAllRecipients()[0]).getAddress(), 1, Integer::sum);
                }
                long lost = IntStream.range(0, ORDERS).filter(i -> !perAddress.containsKey("customer" + i + "@example.org")).count();
                int duplicates = perAddress.values().stream().mapToInt(n -> n - 1).sum();
                System.out.printf("scale-out: %d orders over 2 replicas; replica A killed after %d messages; lost %d; duplicates %d (at most %d in flight)%n",
                        ORDERS, receivedAtKill, lost, duplicates, CONNECTIONS * PIPELINE_DEPTH);
                assertEquals(0, lost, "no invitation lost");
                assertTrue(duplicates <= CONNECTIONS * PIPELINE_DEPTH,
                        "duplicates only from what the killed replica's senders had sent and not yet recorded: " + duplicates);
                assertTrue(perAddress.values().stream().allMatch(n -> n <= 2), "at most one duplicate per message");

                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() ->
                        count(postgres, "SELECT COUNT(*) FROM purge_runs WHERE triggered_by = 'schedule'") > 0);
                assertEquals(200, viaB.get("/health", null).status());
            }
        } finally {
            smtp.stop();
        }
    }

    private static long count(EmbeddedPostgres postgres, String sql) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
