package org.reviewgateway.retention;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The purge on its own, against an embedded H2 built from the shared migrations: no gateway involved. */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url",
        value = "jdbc:h2:mem:retention-job-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
@Property(name = "retention.enabled", value = "false")
class PersonalDataPurgerTest {

    @Inject
    PersonalDataPurger purger;
    @Inject
    DataSource dataSource;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private UUID merchant;

    @BeforeEach
    void setUp() throws SQLException {
        merchant = UUID.randomUUID();
        update("""
                INSERT INTO merchants (id, name, api_key_prefix, api_key_hash, shop_name, sender_name, default_locale,
                                       invite_delay_seconds, retention_seconds, created_at, updated_at)
                VALUES (?, 'Job Shop', ?, X'00', 'Job Shop', 'Job Shop', 'en', 0, 86400, ?, ?)""",
                merchant, merchant.toString().substring(0, 12), ts(now), ts(now));
        purger.purge(now, false, "test-setup");
    }

    @Test
    void expiredPersonalDataEndsThroughTheEraserAndTheRestStays() throws SQLException {
        long neverSent = order("scheduled", now.minusSeconds(60), "pending");
        long sentWithReminder = order("sent", now.minusSeconds(60), "sent");
        delivery(sentWithReminder, "reminder", "pending");
        long notYet = order("scheduled", now.plus(Duration.ofDays(1)), "pending");

        PurgeReport report = purger.purge(now, false, "test");

        assertEquals(2, report.rowsPurged(), report::summary);
        assertEquals("cancelled|purged", state(neverSent), "no invitation went out, nobody left to invite");
        assertEquals("sent|purged", state(sentWithReminder), "an order that was sent stays sent");
        assertEquals("scheduled|held", state(notYet));
        assertEquals(0, count("SELECT COUNT(*) FROM recipients WHERE order_id IN (?, ?)", neverSent, sentWithReminder));
        assertEquals(0, count("SELECT COUNT(*) FROM deliveries WHERE order_id IN (?, ?) AND status IN ('pending', 'retrying')",
                neverSent, sentWithReminder));
        assertEquals(1, count("SELECT COUNT(*) FROM deliveries WHERE order_id = ? AND status = 'sent'", sentWithReminder),
                "a finished delivery keeps its outcome");
        assertEquals(1, count("SELECT COUNT(*) FROM purge_runs WHERE triggered_by = 'test' AND rows_purged = 2"));
    }

    @Test
    void aDryRunCountsAndChangesNothing() throws SQLException {
        long expired = order("scheduled", now.minusSeconds(60), "pending");

        PurgeReport report = purger.purge(now, true, "test-dry");

        assertEquals(1, report.rowsPurged());
        assertEquals("scheduled|held", state(expired));
        assertEquals(0, count("SELECT COUNT(*) FROM purge_runs WHERE triggered_by = 'test-dry'"));
        purger.purge(now, false, "test");
    }

    @Test
    void aPurgeHoldingTheLeaseMakesAnotherSkip() throws SQLException {
        long expired = order("scheduled", now.minusSeconds(60), "pending");
        update("UPDATE job_leases SET held_by = 'elsewhere', held_until = ? WHERE name = 'retention-purge'", ts(Instant.now().plusSeconds(600)));
        try {
            PurgeReport report = purger.purge(now, false, "test");
            assertTrue(report.leaseHeldElsewhere());
            assertEquals("scheduled|held", state(expired));
        } finally {
            update("UPDATE job_leases SET held_by = NULL, held_until = NULL WHERE name = 'retention-purge'");
        }
    }

    @Test
    void expiredUnsubscribeLinksGoAndLiveOnesStay() throws SQLException {
        byte[] expired = UUID.randomUUID().toString().getBytes();
        byte[] live = UUID.randomUUID().toString().getBytes();
        update("INSERT INTO opt_out_links (token_hash, merchant_id, email_hash, expires_at) VALUES (?, ?, X'01', ?)", expired, merchant, ts(now.minusSeconds(1)));
        update("INSERT INTO opt_out_links (token_hash, merchant_id, email_hash, expires_at) VALUES (?, ?, X'01', ?)", live, merchant, ts(now.plusSeconds(3600)));

        purger.purge(now, false, "test");

        assertEquals(0, count("SELECT COUNT(*) FROM opt_out_links WHERE token_hash = ?", (Object) expired));
        assertEquals(1, count("SELECT COUNT(*) FROM opt_out_links WHERE token_hash = ?", (Object) live));
    }

    @Test
    void thePurgeWritesAPurgedEventForEachSubscribedEndpointInItsTransaction() throws SQLException {
        update("INSERT INTO webhooks (id, merchant_id, url, events, secret_sealed, created_at) VALUES (?, ?, 'https://a.example/h', ?, X'00', ?)",
                "purged-" + merchant.toString().substring(0, 8), merchant, ",review.created,personal_data.purged,", ts(now));
        update("INSERT INTO webhooks (id, merchant_id, url, events, secret_sealed, created_at) VALUES (?, ?, 'https://b.example/h', ?, X'00', ?)",
                "reviews-" + merchant.toString().substring(0, 8), merchant, ",review.created,", ts(now));
        long expired = order("sent", now.minusSeconds(60), "sent");
        long notYet = order("scheduled", now.plus(Duration.ofDays(1)), "pending");
        String transactionId = text("SELECT transaction_id FROM orders WHERE id = " + expired);

        purger.purge(now, false, "test");
        purger.purge(now, false, "test-again");

        assertEquals(1, count("SELECT COUNT(*) FROM webhook_messages WHERE merchant_id = ?", merchant), "one subscribed endpoint, one purged order, once");
        String payload = text("SELECT payload FROM webhook_messages WHERE merchant_id = '" + merchant + "'");
        assertTrue(payload.startsWith("{\"type\":\"personal_data.purged\",\"timestamp\":\""), payload);
        assertTrue(payload.contains("\"data\":{\"transactionId\":\"" + transactionId + "\",\"purgedAt\":\""), payload);
        assertTrue(text("SELECT message_id FROM webhook_messages WHERE merchant_id = '" + merchant + "'").matches("msg_[0-9a-f]{20}_purged-.*"));
        assertEquals("pending", text("SELECT status FROM webhook_messages WHERE merchant_id = '" + merchant + "'"));
        assertEquals("scheduled|held", state(notYet));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** An order with its recipient (expiring at {@code purgeAfter}) and its invitation. */
    private long order(String status, Instant purgeAfter, String inviteStatus) throws SQLException {
        String transactionId = "J-" + UUID.randomUUID();
        update("""
                INSERT INTO orders (merchant_id, transaction_id, delivery, status, personal_data, review_token_hash,
                                    review_token_sealed, request_digest, created_at, updated_at)
                VALUES (?, ?, 'delegated', ?, 'held', ?, X'00', X'00', ?, ?)""",
                merchant, transactionId, status, transactionId.getBytes(), ts(now), ts(now));
        long id = count("SELECT id FROM orders WHERE transaction_id = ?", transactionId);
        update("""
                INSERT INTO recipients (order_id, merchant_id, key_id, email_cipher, email_hash, customer_digest, purge_after, created_at)
                VALUES (?, ?, 'k', X'00', X'01', X'02', ?, ?)""", id, merchant, ts(purgeAfter), ts(now));
        delivery(id, "invite", inviteStatus);
        return id;
    }

    private void delivery(long orderId, String kind, String status) throws SQLException {
        update("""
                INSERT INTO deliveries (order_id, merchant_id, kind, status, due_at, next_attempt_at, attempts, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""", orderId, merchant, kind, status, ts(now), ts(now), ts(now), ts(now));
    }

    /** The order's status and its personal data as the API reads them: "purged" once a held recipient row is gone. */
    private String state(long orderId) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("""
                SELECT status, CASE WHEN personal_data = 'held' AND NOT EXISTS (SELECT 1 FROM recipients r WHERE r.order_id = o.id)
                                    THEN 'purged' ELSE personal_data END
                FROM orders o WHERE id = ?""")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) + "|" + rs.getString(2);
            }
        }
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = prepare(c, sql, params)) {
            ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    private Connection connection() throws SQLException {
        return DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
