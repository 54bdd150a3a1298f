package org.reviewgateway.retention;

import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way an order's personal data ends, whoever ends it (the purge, DELETE …/personal-data, a
 * cancel, an erasure request): what was still planned is cancelled, an order whose invitation never
 * went out becomes {@code cancelled} (there is nobody left to invite), and its recipient row
 * is deleted (which is what makes the order's personal data read "purged"), with a personal_data.purged webhook event for each order whose data
 * this call deleted. Runs on the caller's connection, inside its transaction; one statement per table for all the
 * orders ({@code = ANY(array)}: an index look-up per order on both databases, where a statement per order cost
 * PostgreSQL a round trip each).
 */
@Singleton
public class PersonalDataEraser {

    private final WebhookOutbox webhooks;

    public PersonalDataEraser(WebhookOutbox webhooks) {
        this.webhooks = webhooks;
    }

    /** What an order still waiting for its invitation becomes when its personal data ends. */
    public enum Unsent {
        /** Nobody is left to invite (the purge, a DELETE, a cancel). */
        CANCELLED("cancelled"),
        /** The address asked to be forgotten (an erasure request): it is suppressed too. */
        SUPPRESSED("suppressed");

        private final String status;

        Unsent(String status) {
            this.status = status;
        }
    }

    /** @return how many orders' personal data this call deleted */
    public int erase(Connection c, List<Long> orderIds, Instant now) throws SQLException {
        return erase(c, orderIds, now, Unsent.CANCELLED);
    }

    /**
     * Deliveries first, then orders, then recipients: the order in which the dispatcher's outcomes take the same rows.
     * An invitation a dispatcher is sending right now (its claim live by the database's clock) may still go out:
     * its order stays scheduled, and the dispatcher's outcome decides it (sent, or cancelled with nobody to invite).
     *
     * @return how many orders' personal data this call deleted
     */
    public int erase(Connection c, List<Long> orderIds, Instant now, Unsent unsent) throws SQLException {
        if (orderIds.isEmpty()) {
            return 0;
        }
        Timestamp at = Timestamp.from(now);
        Array ids = c.createArrayOf("bigint", orderIds.toArray());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE deliveries SET status = 'cancelled', updated_at = ? WHERE order_id = ANY(?) AND status IN ('pending', 'retrying')")) {
            ps.setTimestamp(1, at);
            ps.setArray(2, ids);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE orders SET status = ?, updated_at = ? WHERE id = ANY(?) AND status = 'scheduled'
                  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.order_id = orders.id AND d.kind = 'invite' AND d.claimed_until > CURRENT_TIMESTAMP)""")) {
            ps.setString(1, unsent.status);
            ps.setTimestamp(2, at);
            ps.setArray(3, ids);
            ps.executeUpdate();
        }
        List<Long> erased = lockRecipientsOf(c, ids);
        if (!erased.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM recipients WHERE order_id = ANY(?)")) {
                ps.setArray(1, ids);
                ps.executeUpdate();
            }
        }
        webhooks.recordPurged(c, erased, now);
        return erased.size();
    }

    /** The orders among these that still hold a recipient row, locked: what this call will have deleted. */
    private static List<Long> lockRecipientsOf(Connection c, Array orderIds) throws SQLException {
        List<Long> held = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT order_id FROM recipients WHERE order_id = ANY(?) FOR UPDATE")) {
            ps.setArray(1, orderIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getLong(1));
                }
            }
        }
        return held;
    }
}
