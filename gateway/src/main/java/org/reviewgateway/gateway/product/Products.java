package org.reviewgateway.gateway.product;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A merchant's products, stored once each and described as the latest order names them (a GTIN or URL it leaves out
 * stays as known: a shop's webhook carries neither), and the products of each
 * order. Written in the order's transaction; rows are taken in id order, so concurrent orders of the same products
 * never wait for each other in a circle.
 */
@Singleton
public class Products {

    private final TransactionOperations<Connection> transactions;

    Products(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Transactional
    public void recordFor(UUID merchantId, long orderId, List<ProductLine> lines, Instant now) {
        if (lines.isEmpty()) {
            return;
        }
        Connection c = transactions.getConnection();
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO products (merchant_id, product_id, name, gtin, url, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                     ON CONFLICT DO NOTHING""");
             PreparedStatement update = c.prepareStatement("""
                     UPDATE products SET name = ?, gtin = COALESCE(?, gtin), url = COALESCE(?, url), updated_at = ?
                     WHERE merchant_id = ? AND product_id = ?
                       AND (name <> ? OR (? IS NOT NULL AND gtin IS DISTINCT FROM ?) OR (? IS NOT NULL AND url IS DISTINCT FROM ?))""");
             PreparedStatement link = c.prepareStatement(
                     "INSERT INTO order_products (order_id, merchant_id, product_id, position) VALUES (?, ?, ?, ?)")) {
            List<ProductLine> byId = lines.stream().sorted(Comparator.comparing(ProductLine::id)).toList();
            for (ProductLine line : byId) {
                insert.setObject(1, merchantId);
                insert.setString(2, line.id());
                insert.setString(3, line.name());
                insert.setString(4, line.gtin());
                insert.setString(5, line.url());
                insert.setTimestamp(6, at);
                insert.executeUpdate();
                update.setString(1, line.name());
                update.setString(2, line.gtin());
                update.setString(3, line.url());
                update.setTimestamp(4, at);
                update.setObject(5, merchantId);
                update.setString(6, line.id());
                update.setString(7, line.name());
                update.setString(8, line.gtin());
                update.setString(9, line.gtin());
                update.setString(10, line.url());
                update.setString(11, line.url());
                update.executeUpdate();
            }
            for (int i = 0; i < lines.size(); i++) {
                link.setLong(1, orderId);
                link.setObject(2, merchantId);
                link.setString(3, lines.get(i).id());
                link.setInt(4, i);
                link.addBatch();
            }
            link.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("could not record the order's products", e);
        }
    }

    /** An order's products as the merchant's catalogue now describes them, in the order listed. */
    @Transactional
    public List<ProductLine> ofOrder(long orderId) {
        Connection c = transactions.getConnection();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT p.product_id, p.name, p.gtin, p.url FROM order_products op
                JOIN products p ON p.merchant_id = op.merchant_id AND p.product_id = op.product_id
                WHERE op.order_id = ? ORDER BY op.position""")) {
            ps.setLong(1, orderId);
            List<ProductLine> lines = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(new ProductLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return lines;
        } catch (SQLException e) {
            throw new DataAccessException("could not read the order's products", e);
        }
    }
}
