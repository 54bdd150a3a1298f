package org.reviewgateway.gateway.jar;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reviewgateway.gateway.support.GatewayClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export streams: 100 000 orders through a gateway whose heap could not hold them at once. */
class ExportMemoryIT {

    private static final int ORDERS = 100_000;
    private static final String SMALL_HEAP = "64m";

    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path workDir;

    @Test
    void exportsOneHundredThousandOrdersWithA64MiBHeap() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String piiKey = Base64.getEncoder().encodeToString(key);
        Path data = workDir.resolve("data");
        Map<String, String> env = Map.of("GATEWAY_ADMIN_TOKEN", GatewayClient.ADMIN_TOKEN, "GATEWAY_DATA_DIR", data.toString(),
                "GATEWAY_PII_KEY", piiKey, "DISPATCH_ENABLED", "false", "RETENTION_ENABLED", "false");
        GatewayClient.Merchant merchant;
        String token;
        try (GatewayProcess gateway = GatewayProcess.start(workDir, env).awaitHealthy()) {
            GatewayClient client = new GatewayClient(gateway.base(), json);
            merchant = client.newMerchant("Export Shop");
            String link = (String) client.postJson("/v1/orders", merchant.apiKey(), "{\"transactionId\":\"EXP-TEMPLATE\",\"delivery\":\"self\"}")
                    .json().get("reviewLink");
            token = link.substring(link.lastIndexOf('/') + 1);
        }
        seed(data, UUID.fromString(merchant.id()), sealedTokenOf(data));

        try (GatewayProcess gateway = GatewayProcess.start(workDir, env, SMALL_HEAP).awaitHealthy()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.base() + "/v1/export"))
                    .header("Authorization", "Bearer " + merchant.apiKey()).build();
            AtomicLong lines = new AtomicLong();
            AtomicReference<String> first = new AtomicReference<>();
            HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                    new java.util.concurrent.Flow.Subscriber<String>() {
                        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                            s.request(Long.MAX_VALUE);
                        }

                        public void onNext(String line) {
                            if (lines.getAndIncrement() == 0) {
                                first.set(line);
                            }
                        }

                        public void onError(Throwable t) {
                        }

                        public void onComplete() {
                        }
                    }));

            assertEquals(200, response.statusCode());
            assertEquals(ORDERS, lines.get());
            @SuppressWarnings("unchecked")
            Map<String, Object> order = json.readValue(first.get(), Map.class);
            assertEquals("EXP-1", order.get("transactionId"));
            assertTrue(((String) order.get("reviewLink")).endsWith("/r/" + token), "opened with the merchant's data key");
            assertEquals(1, ((java.util.List<?>) order.get("deliveries")).size());
            assertEquals(200, new GatewayClient(gateway.base(), json).get("/health", null).status(), "still healthy afterwards");
            assertFalse(gateway.stdout().contains("OutOfMemoryError") || gateway.stderr().contains("OutOfMemoryError"),
                    "the JVM reports an OutOfMemoryError on stderr, a logged one goes to stdout: neither");
        }
    }

    private static String url(Path data) {
        return "jdbc:h2:file:" + data + "/gateway;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** A review token the gateway sealed with the merchant's own data key, to copy into every seeded order. */
    private static byte[] sealedTokenOf(Path data) throws Exception {
        try (Connection c = DriverManager.getConnection(url(data), "sa", "");
             PreparedStatement ps = c.prepareStatement("SELECT review_token_sealed FROM orders WHERE transaction_id = 'EXP-TEMPLATE'");
             java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            byte[] sealed = rs.getBytes(1);
            c.createStatement().executeUpdate("DELETE FROM orders WHERE transaction_id = 'EXP-TEMPLATE'");
            return sealed;
        }
    }

    private static void seed(Path data, UUID merchantId, byte[] sealedToken) throws Exception {
        String url = url(data);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO orders (merchant_id, transaction_id, delivery, status, personal_data, review_token_hash,
                                        review_token_sealed, request_digest, send_at, created_at, updated_at)
                    SELECT ?, 'EXP-' || "X", 'delegated', 'sent', 'purged', HASH('SHA-256', 'exp-' || "X"), ?, X'00', ?, ?, ?
                    FROM SYSTEM_RANGE(1, ?)""")) {
                ps.setObject(1, merchantId);
                ps.setBytes(2, sealedToken);
                ps.setTimestamp(3, now);
                ps.setTimestamp(4, now);
                ps.setTimestamp(5, now);
                ps.setInt(6, ORDERS);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO deliveries (order_id, merchant_id, kind, status, due_at, next_attempt_at, attempts, sent_at, created_at, updated_at)
                    SELECT id, merchant_id, 'invite', 'sent', ?, ?, 1, ?, ?, ? FROM orders WHERE merchant_id = ?""")) {
                for (int i = 1; i <= 5; i++) {
                    ps.setTimestamp(i, now);
                }
                ps.setObject(6, merchantId);
                ps.executeUpdate();
            }
        }
    }
}
