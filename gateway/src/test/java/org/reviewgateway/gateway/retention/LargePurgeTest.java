package org.reviewgateway.gateway.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.reviewgateway.gateway.support.Db;
import org.reviewgateway.gateway.support.GatewayClient;
import org.reviewgateway.gateway.support.MutableClock;
import org.reviewgateway.gateway.support.Orders;
import org.reviewgateway.gateway.support.PostgresSession;
import org.reviewgateway.retention.PersonalDataPurger;
import org.reviewgateway.retention.PurgeReport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The purge of 200 000 expired recipients goes in batches while orders keep coming in. Run once, on
 * PostgreSQL (where volumes like this live, and where a plan once went wrong), not on both databases.
 */
@EnabledIf("org.reviewgateway.gateway.support.PostgresSession#active")
@MicronautTest(transactional = false)
@Property(name = "gateway.data-dir", value = "./target/test-data-large-purge")
class LargePurgeTest {

    private static final int EXPIRED = 200_000;
    private static final int SEED_CHUNK = 20_000;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    MutableClock clock;
    @Inject
    PersonalDataPurger purger;
    @Inject
    DataSource dataSource;

    @Test
    void purgeOf200000RowsRunsInBatchesWhileIngestionKeepsWorking() throws Exception {
        GatewayClient client = new GatewayClient(server, json);
        GatewayClient.Merchant merchant = client.newMerchant("Big Shop");
        Instant past = clock.instant().minus(Duration.ofDays(60));
        seedExpired(UUID.fromString(merchant.id()), past);
        assertEquals(EXPIRED, Db.count(dataSource, "SELECT COUNT(*) FROM recipients WHERE purge_after <= ?", Timestamp.from(clock.instant())));

        CompletableFuture<PurgeReport> purge = CompletableFuture.supplyAsync(() -> purger.purge(clock.instant(), false, "test"));
        List<Integer> statuses = new ArrayList<>();
        int i = 0;
        while (!purge.isDone() || i < 20) {
            statuses.add(client.postJson("/v1/orders", merchant.apiKey(),
                    Orders.delegated("NEW-" + i, "new" + i + "@example.org", null, null, null)).status());
            i++;
        }
        PurgeReport report = purge.join();

        assertEquals(EXPIRED, report.rowsPurged(), report::summary);
        assertEquals(EXPIRED / 1000, report.batches(), "bounded batches");
        assertTrue(statuses.stream().allMatch(s -> s == 201), "every order during the purge was accepted: " + statuses);
        UUID merchantId = UUID.fromString(merchant.id());
        assertEquals(i, Db.count(dataSource, "SELECT COUNT(*) FROM recipients WHERE merchant_id = ?", merchantId), "the new orders' data is kept");
        assertEquals(EXPIRED, Db.count(dataSource, "SELECT COUNT(*) FROM orders o WHERE merchant_id = ? AND personal_data = 'held' AND NOT EXISTS (SELECT 1 FROM recipients r WHERE r.order_id = o.id)", merchantId));
        assertEquals(i, Db.count(dataSource, "SELECT COUNT(*) FROM deliveries WHERE merchant_id = ? AND status = 'pending'", merchantId),
                "only the new orders' invitations are still pending; the purged ones were cancelled");
    }

    /**
     * Expired orders, recipients and pending invitations straight into H2, as old traffic would have
     * left them; in chunks, since H2 slows down on very large transactions.
     */
    private void seedExpired(UUID merchantId, Instant past) throws Exception {
        Timestamp at = Timestamp.from(past);
        Timestamp due = Timestamp.from(past.plus(Duration.ofDays(365)));
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            for (int from = 1; from <= EXPIRED; from += SEED_CHUNK) {
                int to = from + SEED_CHUNK - 1;
                run(c, """
                        INSERT INTO orders (merchant_id, transaction_id, delivery, status, personal_data, review_token_hash,
                                            review_token_sealed, request_digest, send_at, created_at, updated_at)
                        SELECT ?, 'SEED-' || "X", 'delegated', 'scheduled', 'held', %s,
                               ?, ?, ?, ?, ? FROM %s""".formatted(hashOfX(), range()), merchantId, new byte[]{0}, new byte[]{0}, at, at, at, from, to);
                long firstId = Db.count(dataSource, "SELECT MIN(id) FROM orders WHERE merchant_id = ? AND transaction_id = ?", merchantId, "SEED-" + from);
                run(c, """
                        INSERT INTO recipients (order_id, merchant_id, key_id, email_cipher, email_hash, customer_digest, purge_after, created_at)
                        SELECT id, merchant_id, 'seed', ?, ?, ?, ?, ? FROM orders WHERE id BETWEEN ? AND ?""",
                        new byte[]{1}, new byte[]{2}, new byte[]{3}, at, at, firstId, firstId + SEED_CHUNK - 1);
                run(c, """
                        INSERT INTO deliveries (order_id, merchant_id, kind, status, due_at, next_attempt_at, attempts, created_at, updated_at)
                        SELECT id, merchant_id, 'invite', 'pending', ?, ?, 0, ?, ? FROM orders WHERE id BETWEEN ? AND ?""",
                        due, due, at, at, firstId, firstId + SEED_CHUNK - 1);
            }
        }
    }

    /** H2's and PostgreSQL's spelling of a row per number and of a hash of it. */
    private static String range() {
        return PostgresSession.active() ? "generate_series(?::int, ?::int) AS s(\"X\")" : "SYSTEM_RANGE(?, ?)";
    }

    private static String hashOfX() {
        return PostgresSession.active() ? "sha256(convert_to('seed-' || \"X\", 'UTF8'))" : "HASH('SHA-256', 'seed-' || \"X\")";
    }

    private static void run(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
