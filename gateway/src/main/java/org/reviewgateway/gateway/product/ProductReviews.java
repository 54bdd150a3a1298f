package org.reviewgateway.gateway.product;

import io.micronaut.core.annotation.Nullable;
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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The ratings of a review's products and each product's aggregate (sum and count), both written in the review's
 * transaction, so the public rating is one row read and never a scan.
 */
@Singleton
public class ProductReviews {

    private final TransactionOperations<Connection> transactions;

    ProductReviews(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** A product's aggregate: the count of its ratings and their sum. */
    public record Aggregate(long count, long sum) {

        /** The mean to one decimal place; null without ratings. */
        @Nullable
        public Double mean() {
            return count == 0 ? null : Math.round(sum * 10.0 / count) / 10.0;
        }
    }

    @Transactional
    public void record(UUID merchantId, long orderId, String transactionId, List<ProductRating> ratings, Instant now) {
        if (ratings.isEmpty()) {
            return;
        }
        Connection c = transactions.getConnection();
        try (PreparedStatement review = c.prepareStatement("""
                     INSERT INTO product_reviews (order_id, merchant_id, product_id, transaction_id, rating, comment, created_at)
                     VALUES (?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement start = c.prepareStatement("""
                     INSERT INTO product_ratings (merchant_id, product_id, rating_sum, review_count) VALUES (?, ?, 0, 0)
                     ON CONFLICT DO NOTHING""");
             PreparedStatement add = c.prepareStatement("""
                     UPDATE product_ratings SET rating_sum = rating_sum + ?, review_count = review_count + 1
                     WHERE merchant_id = ? AND product_id = ?""")) {
            for (ProductRating rating : ratings.stream().sorted(Comparator.comparing(ProductRating::id)).toList()) {
                review.setLong(1, orderId);
                review.setObject(2, merchantId);
                review.setString(3, rating.id());
                review.setString(4, transactionId);
                review.setInt(5, rating.rating());
                review.setString(6, rating.comment());
                review.setTimestamp(7, Timestamp.from(now));
                review.executeUpdate();
                start.setObject(1, merchantId);
                start.setString(2, rating.id());
                start.executeUpdate();
                add.setInt(1, rating.rating());
                add.setObject(2, merchantId);
                add.setString(3, rating.id());
                add.executeUpdate();
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not record the product ratings", e);
        }
    }

    /** The product ratings of these orders' reviews, by order. */
    @Transactional
    public Map<Long, List<ProductRating>> ofOrders(Collection<Long> orderIds) {
        Map<Long, List<ProductRating>> byOrder = new HashMap<>();
        if (orderIds.isEmpty()) {
            return byOrder;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(orderIds.size(), "?"));
        try (PreparedStatement ps = transactions.getConnection().prepareStatement(
                "SELECT order_id, product_id, rating, comment FROM product_reviews WHERE order_id IN (" + marks + ") ORDER BY order_id, product_id")) {
            int i = 1;
            for (Long id : orderIds) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byOrder.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new ProductRating(rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
            return byOrder;
        } catch (SQLException e) {
            throw new DataAccessException("could not read product ratings", e);
        }
    }

    /** What an erasure request reaches: the comments go (they may name their author), the ratings stay. */
    @Transactional
    public void forgetComments(List<Long> orderIds) {
        try (PreparedStatement ps = transactions.getConnection().prepareStatement(
                "UPDATE product_reviews SET comment = NULL WHERE order_id = ? AND comment IS NOT NULL")) {
            for (Long id : orderIds) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("could not erase product review comments", e);
        }
    }

    @Transactional
    public Aggregate aggregate(UUID merchantId, String productId) {
        try (PreparedStatement ps = transactions.getConnection().prepareStatement(
                "SELECT review_count, rating_sum FROM product_ratings WHERE merchant_id = ? AND product_id = ?")) {
            ps.setObject(1, merchantId);
            ps.setString(2, productId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Aggregate(rs.getLong(1), rs.getLong(2)) : new Aggregate(0, 0);
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not read the product's rating", e);
        }
    }

    /** One product review as its product's page lists it. */
    public record Row(long orderId, String transactionId, int rating, @Nullable String comment, Instant createdAt) {
    }

    /** A product's reviews in (createdAt, order) order after a position, for keyset paging. */
    @Transactional
    public List<Row> page(UUID merchantId, String productId, Instant afterTime, long afterOrderId, int limit) {
        try (PreparedStatement ps = transactions.getConnection().prepareStatement("""
                SELECT order_id, transaction_id, rating, comment, created_at FROM product_reviews
                WHERE merchant_id = ? AND product_id = ? AND (created_at > ? OR (created_at = ? AND order_id > ?))
                ORDER BY created_at, order_id LIMIT ?""")) {
            ps.setObject(1, merchantId);
            ps.setString(2, productId);
            ps.setTimestamp(3, Timestamp.from(afterTime));
            ps.setTimestamp(4, Timestamp.from(afterTime));
            ps.setLong(5, afterOrderId);
            ps.setInt(6, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DataAccessException("could not read the product's reviews", e);
        }
    }

    /** Whether the merchant has this product at all (a product never ordered is unknown). */
    @Transactional
    public boolean known(UUID merchantId, String productId) {
        try (PreparedStatement ps = transactions.getConnection().prepareStatement(
                "SELECT 1 FROM products WHERE merchant_id = ? AND product_id = ?")) {
            ps.setObject(1, merchantId);
            ps.setString(2, productId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not look the product up", e);
        }
    }

    static Optional<String> validId(String productId) {
        return ProductLines.ID.matcher(productId).matches() ? Optional.of(productId) : Optional.empty();
    }
}
