package org.reviewgateway.gateway.order;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.privacy.SecretTokens;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.OrderBody;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exports hold a database connection for as long as their client reads: slow export clients must
 * not take the pool from orders and review links. Eight exports whose clients stop reading, then a
 * flood of review-link pages and orders: the exports over the cap are refused, everything else answers.
 */
@MicronautTest(transactional = false)
class ExportIsolationTest {

    private static final int SEEDED = 20_000;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;
    @Inject
    PiiCipher cipher;

    @Test
    void slowExportsNeitherStarveThePoolNorBlockReviewLinksAndOrders() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Slow Export Shop");
        seed(UUID.fromString(merchant.id()));
        String link = (String) client.postJson("/v1/orders", merchant.apiKey(), OrderBody.self("L-1").json()).json().get("reviewLink");

        List<Integer> exportStatuses = new CopyOnWriteArrayList<>();
        List<Flow.Subscription> stalled = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest export = HttpRequest.newBuilder(URI.create(server.getURL() + "/v1/export"))
                .header("Authorization", "Bearer " + merchant.apiKey()).build();
        for (int i = 0; i < 8; i++) {
            http.sendAsync(export, info -> {
                exportStatuses.add(info.statusCode());
                return HttpResponse.BodySubscribers.fromLineSubscriber(new StalledReader(stalled));
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> exportStatuses.size() == 8);
        assertEquals(4, exportStatuses.stream().filter(s -> s == 200).count(), exportStatuses::toString);
        assertEquals(4, exportStatuses.stream().filter(s -> s == 503).count(), exportStatuses::toString);

        ExecutorService threads = Executors.newFixedThreadPool(24);
        ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        try {
            String path = link.substring(server.getURL().toString().length());
            List<CompletableFuture<Void>> flood = IntStream.range(0, 240).mapToObj(i -> CompletableFuture.runAsync(() -> answers.add(i % 6 == 0
                    ? client.postJson("/v1/orders", merchant.apiKey(), OrderBody.self("F-" + UUID.randomUUID()).json()).status()
                    : client.get(path, null).status()), threads)).toList();
            flood.forEach(CompletableFuture::join);
        } finally {
            threads.shutdownNow();
            stalled.forEach(Flow.Subscription::cancel);
        }
        assertEquals(40, answers.stream().filter(s -> s == 201).count(), answers::toString);
        assertEquals(200, answers.stream().filter(s -> s == 200).count(), answers::toString);
    }

    private void seed(UUID merchantId) throws Exception {
        byte[] sealed = cipher.encrypt(merchantId, "seeded-token");
        Timestamp now = Timestamp.from(Instant.now());
        String prefix = UUID.randomUUID().toString();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO orders (merchant_id, transaction_id, delivery, status, personal_data, review_token_hash,
                                         review_token_sealed, request_digest, created_at, updated_at)
                     VALUES (?, ?, 'self', 'link_issued', 'none', ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < SEEDED; i++) {
                ps.setObject(1, merchantId);
                ps.setString(2, "S-" + i);
                ps.setBytes(3, SecretTokens.hash(prefix + i));
                ps.setBytes(4, sealed);
                ps.setBytes(5, new byte[]{0});
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Reads the first line, then nothing more until cancelled: a client that stopped reading. */
    private record StalledReader(List<Flow.Subscription> stalled) implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            stalled.add(subscription);
            subscription.request(1);
        }

        @Override
        public void onNext(String line) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }
}
