package org.reviewgateway.gateway.order;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.GatewayClient.Reply;
import org.reviewgateway.gateway.support.OrderBody;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest
class IdempotencyRaceTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource dataSource;

    @Test
    void twoIdenticalRequestsAtOnceGiveOneOrderOne201AndOne200() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Racing Shop").apiKey();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String id = "R-" + UUID.randomUUID();
                String body = OrderBody.delegated(id, "race@example.org").json();
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Reply>> replies = List.of(
                        CompletableFuture.supplyAsync(() -> postAfter(start, client, key, body), threads),
                        CompletableFuture.supplyAsync(() -> postAfter(start, client, key, body), threads));

                List<Integer> statuses = replies.stream().map(CompletableFuture::join).map(Reply::status).sorted().toList();

                assertEquals(List.of(200, 201), statuses, "round " + round);
                assertEquals(replies.get(0).join().json(), replies.get(1).join().json());
                assertEquals(1, rows("SELECT COUNT(*) FROM orders WHERE transaction_id = ?", id));
                assertEquals(1, rows("SELECT COUNT(*) FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id = ?", id));
                assertEquals(1, rows("SELECT COUNT(*) FROM deliveries d JOIN orders o ON o.id = d.order_id WHERE o.transaction_id = ?", id));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Orders posted at the same moment share commits; each must still be answered 201 and stored whole, once. */
    @Test
    void manyOrdersAtOnceAreEachStoredOnceAndWhole() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Busy Shop").apiKey();
        int orders = 48;
        String prefix = "G-" + UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(orders);
        try {
            CyclicBarrier start = new CyclicBarrier(orders);
            List<CompletableFuture<Reply>> replies = IntStream.range(0, orders)
                    .mapToObj(i -> OrderBody.delegated(prefix + "-" + i, "busy" + i + "@example.org").json())
                    .map(body -> CompletableFuture.supplyAsync(() -> postAfter(start, client, key, body), threads))
                    .toList();

            assertEquals(List.of(201), replies.stream().map(CompletableFuture::join).map(Reply::status).distinct().toList());
        } finally {
            threads.shutdownNow();
        }
        String like = prefix + "-%";
        assertEquals(orders, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE transaction_id LIKE ?", like));
        assertEquals(orders, Db.count(dataSource, "SELECT COUNT(DISTINCT r.unsubscribe_token_hash) FROM recipients r JOIN orders o ON o.id = r.order_id "
                + "WHERE o.transaction_id LIKE ?", like));
        assertEquals(orders, Db.count(dataSource, "SELECT COUNT(*) FROM deliveries d JOIN orders o ON o.id = d.order_id WHERE o.transaction_id LIKE ?", like));
    }

    /** Suppression and cooldown are decided inside the write: parallel orders for one address invite it once. */
    @Test
    void parallelOrdersForOneAddressInsideItsCooldownScheduleOneInvitation() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        String key = client.newMerchant("Cooldown Race Shop").apiKey();
        client.patchJson("/v1/settings", key, "{\"invitationCooldown\":\"P30D\"}");
        for (int round = 0; round < 3; round++) {
            String email = "same." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            String prefix = "C-" + UUID.randomUUID();
            int orders = 20;
            ExecutorService threads = Executors.newFixedThreadPool(orders);
            try {
                CyclicBarrier start = new CyclicBarrier(orders);
                List<CompletableFuture<Reply>> replies = IntStream.range(0, orders).mapToObj(i -> {
                    OrderBody order = OrderBody.delegated(prefix + "-" + i, email);
                    // a quarter of them through the batch endpoint: its own transaction, not the group commit
                    return i % 4 == 0
                            ? CompletableFuture.supplyAsync(() -> postAfter(start, client, key, OrderBody.batch(order), "/v1/orders/batch"), threads)
                            : CompletableFuture.supplyAsync(() -> postAfter(start, client, key, order.json(), "/v1/orders"), threads);
                }).toList();
                replies.forEach(CompletableFuture::join);
            } finally {
                threads.shutdownNow();
            }
            String like = prefix + "-%";
            assertEquals(orders, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE transaction_id LIKE ?", like), "round " + round);
            assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE transaction_id LIKE ? AND status = 'scheduled'", like), "round " + round);
            assertEquals(orders - 1, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE transaction_id LIKE ? AND status = 'skipped'", like));
            assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM recipients r JOIN orders o ON o.id = r.order_id WHERE o.transaction_id LIKE ?", like),
                    "one address stored, once");
        }
    }

    private static Reply postAfter(CyclicBarrier start, GatewayClient client, String key, String body, String path) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return client.postJson(path, key, body);
    }

    private static Reply postAfter(CyclicBarrier start, GatewayClient client, String key, String body) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return client.postJson("/v1/orders", key, body);
    }

    private long rows(String sql, String id) {
        return Db.count(dataSource, sql, id);
    }
}
