package org.reviewgateway.gateway.order;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.LogCapture;
import org.reviewgateway.gateway.support.OrderBody;
import org.reviewgateway.gateway.support.PostgresSession;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch commits its orders in one transaction; when another writer holds one of its transaction IDs,
 * that transaction rolls back whole and each order is taken alone: nothing lost, nothing twice.
 */
@MicronautTest
class BatchRaceTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void aBatchThatMeetsARacingWriterIsTakenOrderByOrder() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Racing Batch Shop");
        String prefix = "BR-" + UUID.randomUUID();
        String body = OrderBody.batch(
                OrderBody.delegated(prefix + "-1", "race.one@example.org"),
                OrderBody.self(prefix + "-held"),
                OrderBody.delegated(prefix + "-2", "race.two@example.org"));

        Reply reply;
        try (LogCapture logs = new LogCapture();
             Connection racing = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            racing.setAutoCommit(false);
            insertOrder(racing, UUID.fromString(merchant.id()), prefix + "-held");
            CompletableFuture<Reply> batch = CompletableFuture.supplyAsync(() -> client.postJson("/v1/orders/batch", merchant.apiKey(), body));
            await().atMost(Duration.ofSeconds(10)).until(() -> blockedSessions() > 0);
            racing.commit();
            reply = batch.join();
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("rolled back") && l.contains("taking each order alone")), "fallback taken");
        }

        assertEquals(200, reply.status(), reply::toString);
        List<Map<String, Object>> results = (List<Map<String, Object>>) reply.json().get("results");
        assertEquals(List.of(201, 409, 201), results.stream().map(r -> ((Number) r.get("status")).intValue()).toList());
        for (String id : List.of(prefix + "-1", prefix + "-2")) {
            assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE transaction_id = ?", id));
            assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = ?", id));
            assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM deliveries d JOIN orders o ON o.id = d.order_id WHERE o.transaction_id = ?", id));
        }
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE transaction_id = ?", prefix + "-held"));
    }

    /** An order some other writer (another replica, another request) has inserted but not yet committed. */
    private static void insertOrder(Connection c, UUID merchantId, String transactionId) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (merchant_id, transaction_id, delivery, status, personal_data, "
                + "review_token_hash, review_token_sealed, request_digest, created_at, updated_at) "
                + "VALUES (?, ?, 'self', 'link_issued', 'none', ?, ?, ?, ?, ?)")) {
            ps.setObject(1, merchantId);
            ps.setString(2, transactionId);
            ps.setBytes(3, UUID.randomUUID().toString().getBytes());
            ps.setBytes(4, new byte[]{1});
            ps.setBytes(5, new byte[]{2});
            ps.setTimestamp(6, now);
            ps.setTimestamp(7, now);
            ps.executeUpdate();
        }
    }

    private long blockedSessions() {
        return PostgresSession.active()
                ? Db.count(dataSource, "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                // H2 shows a session waiting for a row lock as still executing its statement.
                : Db.count(dataSource, "SELECT COUNT(*) FROM information_schema.sessions WHERE LOWER(executing_statement) LIKE 'insert into%orders%'");
    }
}
