package org.reviewgateway.retention;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The one way an order's personal data ends, whoever ends it (the purge, DELETE …/personal-data, a
 * cancel, an erasure request): what was still planned is cancelled, an order whose invitation never
 * went out becomes {@code cancelled} (there is nobody left to invite), the order is marked
 * {@code purged}, and its recipient row is deleted. Runs on the caller's connection, inside its
 * transaction; one statement per order, sent as JDBC batches (each finds its row by key).
 */
@Singleton
public class PersonalDataEraser {

    /** @return how many orders' personal data this call deleted */
    public int erase(Connection c, List<Long> orderIds, Instant now) throws SQLException {
        if (orderIds.isEmpty()) {
            return 0;
        }
        Timestamp at = Timestamp.from(now);
        batch(c, "UPDATE deliveries SET status = 'cancelled', updated_at = ? WHERE order_id = ? AND status IN ('pending', 'retrying')",
                at, orderIds);
        batch(c, "UPDATE orders SET status = 'cancelled', updated_at = ? WHERE id = ? AND status = 'scheduled'", at, orderIds);
        batch(c, "UPDATE orders SET personal_data = 'purged', updated_at = ? WHERE id = ? AND personal_data = 'held'", at, orderIds);
        int[] deleted = batch(c, "DELETE FROM recipients WHERE order_id = ?", null, orderIds);
        int count = 0;
        for (int rows : deleted) {
            count += rows > 0 ? 1 : 0;
        }
        return count;
    }

    private static int[] batch(Connection c, String sql, Timestamp now, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Long id : ids) {
                int index = 1;
                if (now != null) {
                    ps.setTimestamp(index++, now);
                }
                ps.setLong(index, id);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }
}
