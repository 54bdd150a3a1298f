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
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Google's review feed streams: a million product reviews through a gateway with a 256 MiB heap. */
class ProductFeedMemoryIT {

    private static final int ORDERS = 25_000;
    private static final int PRODUCTS_PER_ORDER = 40; // pages of 500 end within an order

    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path workDir;

    @Test
    void feedsAMillionProductReviewsWithA256MiBHeap() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path data = workDir.resolve("data");
        Map<String, String> env = Map.of("GATEWAY_ADMIN_TOKEN", GatewayClient.ADMIN_TOKEN, "GATEWAY_DATA_DIR", data.toString(),
                "GATEWAY_PII_KEY", Base64.getEncoder().encodeToString(key), "DISPATCH_ENABLED", "false", "RETENTION_ENABLED", "false",
                "GATEWAY_PUBLIC_BASE_URL", "https://reviews.feed.example");
        GatewayClient.Merchant merchant;
        try (GatewayProcess gateway = GatewayProcess.start(workDir, env).awaitHealthy()) {
            merchant = new GatewayClient(gateway.base(), json).newMerchant("Feed Shop");
        }
        seed(data, UUID.fromString(merchant.id()));

        try (GatewayProcess gateway = GatewayProcess.start(workDir, env, "256m").awaitHealthy()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.base() + "/v1/feeds/google-product-reviews.xml"))
                    .header("Authorization", "Bearer " + merchant.apiKey()).build();
            AtomicLong reviews = new AtomicLong();
            AtomicBoolean closed = new AtomicBoolean();
            HttpResponse<Void> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                    new Flow.Subscriber<String>() {
                        public void onSubscribe(Flow.Subscription s) {
                            s.request(Long.MAX_VALUE);
                        }

                        public void onNext(String line) {
                            if (line.startsWith("<review>")) {
                                reviews.incrementAndGet();
                            } else if (line.endsWith("</feed>")) {
                                closed.set(true);
                            }
                        }

                        public void onError(Throwable t) {
                        }

                        public void onComplete() {
                        }
                    }));

            String log = gateway.stdout();
            assertEquals(200, response.statusCode(), log);
            assertEquals((long) ORDERS * PRODUCTS_PER_ORDER, reviews.get());
            assertTrue(closed.get(), "the document is complete");
            assertEquals(200, new GatewayClient(gateway.base(), json).get("/health", null).status(), "still healthy afterwards");
            assertFalse(gateway.stdout().contains("OutOfMemoryError") || gateway.stderr().contains("OutOfMemoryError"));
        }
    }

    private static void seed(Path data, UUID merchantId) throws Exception {
        String url = "jdbc:h2:file:" + data + "/gateway;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO products (merchant_id, product_id, name, gtin, url, updated_at)
                    SELECT ?, 'SKU-' || "X", 'Product ' || "X", '4006381333931', 'https://shop.feed.example/p/' || "X", ?
                    FROM SYSTEM_RANGE(1, ?)""")) {
                ps.setObject(1, merchantId);
                ps.setTimestamp(2, now);
                ps.setInt(3, PRODUCTS_PER_ORDER);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO orders (merchant_id, transaction_id, delivery, status, personal_data, review_token_hash,
                                        review_token_sealed, request_digest, send_at, created_at, updated_at)
                    SELECT ?, 'FEED-' || "X", 'self', 'reviewed', 'none', HASH('SHA-256', 'feed-' || "X"), X'00', X'00', ?, ?, ?
                    FROM SYSTEM_RANGE(1, ?)""")) {
                ps.setObject(1, merchantId);
                ps.setTimestamp(2, now);
                ps.setTimestamp(3, now);
                ps.setTimestamp(4, now);
                ps.setInt(5, ORDERS);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO product_reviews (order_id, merchant_id, product_id, transaction_id, rating, comment, created_at)
                    SELECT o.id, o.merchant_id, p.product_id, o.transaction_id, 1 + MOD(o.id, 5), 'Works as described, would buy again.', ?
                    FROM orders o CROSS JOIN products p WHERE o.merchant_id = ? AND p.merchant_id = ?""")) {
                ps.setTimestamp(1, now);
                ps.setObject(2, merchantId);
                ps.setObject(3, merchantId);
                ps.executeUpdate();
            }
        }
    }
}
