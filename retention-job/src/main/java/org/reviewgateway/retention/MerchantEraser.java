package org.reviewgateway.retention;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The end of an offboarded merchant (its data key already destroyed, so what is left is unreadable): its orders with
 * their deliveries, recipients and reviews a batch at a time, then everything else it had, the merchant row last.
 * Idempotent: replicas sweeping the same merchant at once delete each row once.
 */
@Singleton
public class MerchantEraser {

    static final int BATCH = 500;

    /** @return whether the merchant is gone entirely (false: call again, more orders are left) */
    public boolean eraseBatch(Connection c, UUID merchantId) throws SQLException {
        List<Long> orders = orderIds(c, merchantId);
        if (!orders.isEmpty()) {
            for (String table : List.of("deliveries", "recipients", "reviews", "order_products", "product_reviews")) {
                byOrder(c, "DELETE FROM " + table + " WHERE order_id = ?", orders);
            }
            byOrder(c, "DELETE FROM orders WHERE id = ?", orders);
            return false;
        }
        for (String table : List.of("templates", "suppressions", "opt_out_links", "connectors", "webhook_messages", "webhooks", "products",
                "product_ratings", "console_sessions", "console_password_links", "console_users", "data_keys")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE merchant_id = ?")) {
                ps.setObject(1, merchantId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM merchants WHERE id = ? AND deleted_at IS NOT NULL")) {
            ps.setObject(1, merchantId);
            ps.executeUpdate();
        }
        return true;
    }

    /** Merchants whose offboarding has begun and whose rows are not all gone yet. */
    public List<UUID> offboarding(Connection c) throws SQLException {
        List<UUID> merchants = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM merchants WHERE deleted_at IS NOT NULL ORDER BY deleted_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                merchants.add(rs.getObject(1, UUID.class));
            }
        }
        return merchants;
    }

    private static List<Long> orderIds(Connection c, UUID merchantId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM orders WHERE merchant_id = ? ORDER BY id LIMIT " + BATCH)) {
            ps.setObject(1, merchantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void byOrder(Connection c, String sql, List<Long> orderIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Long id : orderIds) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
