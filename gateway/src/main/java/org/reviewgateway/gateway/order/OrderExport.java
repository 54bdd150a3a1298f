package org.reviewgateway.gateway.order;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.reviewgateway.gateway.privacy.PiiCipher;
import org.reviewgateway.gateway.product.ProductLine;
import org.reviewgateway.gateway.product.ProductRating;
import org.reviewgateway.gateway.web.PublicLinks;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A merchant's orders as NDJSON, one order view per line, streamed: four cursors (orders with their
 * review; deliveries; products; product ratings; all by order id) are merged row by row as the client reads, so
 * memory stays flat for any number of orders. Never contains personal data.
 */
@Singleton
class OrderExport {

    private static final int FETCH_SIZE = 500;
    private static final byte[] NEWLINE = {'\n'};

    private final DataSource dataSource;
    private final PiiCipher cipher;
    private final PublicLinks links;
    private final JsonMapper json;

    OrderExport(DataSource dataSource, PiiCipher cipher, PublicLinks links, JsonMapper json) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.cipher = cipher;
        this.links = links;
        this.json = json;
    }

    Flux<byte[]> lines(UUID merchantId) {
        return Flux.<byte[], Cursors>generate(() -> new Cursors(dataSource, merchantId), this::next, Cursors::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Cursors next(Cursors cursors, SynchronousSink<byte[]> sink) {
        try {
            if (!cursors.orders.next()) {
                sink.complete();
                return cursors;
            }
            long orderId = cursors.orders.getLong("id");
            OrderDetailsResponse view = view(cursors.orders, cursors.deliveries.of(orderId, Cursors::delivery),
                    cursors.products.of(orderId, Cursors::product), cursors.productRatings.of(orderId, Cursors::productRating));
            byte[] line = json.writeValueAsBytes(view);
            byte[] withNewline = new byte[line.length + 1];
            System.arraycopy(line, 0, withNewline, 0, line.length);
            System.arraycopy(NEWLINE, 0, withNewline, line.length, 1);
            sink.next(withNewline);
        } catch (SQLException | IOException e) {
            sink.error(e instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException("export failed", e));
        }
        return cursors;
    }

    private OrderDetailsResponse view(ResultSet o, List<OrderDetailsResponse.DeliveryResponse> deliveries, List<ProductLine> products,
                                      List<ProductRating> productRatings) throws SQLException {
        OrderResponse order = new OrderResponse(o.getString("transaction_id"), o.getString("delivery"), o.getString("status"),
                links.reviewLink(cipher.decrypt(o.getObject("merchant_id", UUID.class), o.getBytes("review_token_sealed"))), o.getString("locale"),
                instant(o, "send_at"), instant(o, "created_at"));
        int rating = o.getInt("rating");
        OrderDetailsResponse.ReviewResponse review = o.wasNull() ? null
                : new OrderDetailsResponse.ReviewResponse(rating, o.getString("comment"), productRatings, instant(o, "review_created_at"));
        return new OrderDetailsResponse(order, o.getString("personal_data"), deliveries, products, review);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The open cursors of one export, with their connection. */
    private static final class Cursors {

        private final List<AutoCloseable> resources = new ArrayList<>();
        final ResultSet orders;
        final ByOrder deliveries;
        final ByOrder products;
        final ByOrder productRatings;

        /** Every cursor on one connection in one repeatable-read transaction: the export is one consistent snapshot. */
        Cursors(DataSource dataSource, UUID merchantId) {
            try {
                Connection connection = dataSource.getConnection();
                resources.add(connection);
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                orders = open(connection, """
                        SELECT o.id, o.merchant_id, o.transaction_id, o.delivery, o.status, o.locale, o.send_at, o.created_at,
                               o.review_token_sealed, %s AS personal_data, r.rating, r.comment, r.created_at AS review_created_at
                        FROM orders o LEFT JOIN reviews r ON r.order_id = o.id
                        WHERE o.merchant_id = ? ORDER BY o.id""".formatted(PersonalData.OF_ORDER_O), merchantId);
                deliveries = new ByOrder(open(connection, """
                        SELECT order_id, kind, status, due_at, sent_at, attempts FROM deliveries
                        WHERE merchant_id = ? ORDER BY order_id, id""", merchantId));
                products = new ByOrder(open(connection, """
                        SELECT op.order_id, p.product_id, p.name, p.gtin, p.url FROM order_products op
                        JOIN products p ON p.merchant_id = op.merchant_id AND p.product_id = op.product_id
                        WHERE op.merchant_id = ? ORDER BY op.order_id, op.position""", merchantId));
                productRatings = new ByOrder(open(connection, """
                        SELECT order_id, product_id, rating, comment FROM product_reviews
                        WHERE merchant_id = ? ORDER BY order_id, product_id""", merchantId));
            } catch (SQLException e) {
                close();
                throw new IllegalStateException("export could not start", e);
            }
        }

        private ResultSet open(Connection connection, String sql, UUID merchantId) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            resources.add(0, statement);
            statement.setFetchSize(FETCH_SIZE);
            statement.setObject(1, merchantId);
            ResultSet rs = statement.executeQuery();
            resources.add(0, rs);
            return rs;
        }

        static OrderDetailsResponse.DeliveryResponse delivery(ResultSet rs) throws SQLException {
            return new OrderDetailsResponse.DeliveryResponse(rs.getString("kind"), rs.getString("status"),
                    instant(rs, "due_at"), instant(rs, "sent_at"), rs.getInt("attempts"));
        }

        static ProductLine product(ResultSet rs) throws SQLException {
            return new ProductLine(rs.getString("product_id"), rs.getString("name"), rs.getString("gtin"), rs.getString("url"));
        }

        static ProductRating productRating(ResultSet rs) throws SQLException {
            return new ProductRating(rs.getString("product_id"), rs.getInt("rating"), rs.getString("comment"));
        }

        void close() {
            for (AutoCloseable resource : resources) {
                try {
                    if (resource instanceof Connection c && !c.isClosed()) {
                        c.rollback();
                    }
                    resource.close();
                } catch (Exception ignored) {
                    // closing after the export; nothing left to save
                }
            }
        }
    }

    /** A cursor ordered by order id, read alongside the orders' cursor: it is behind or at the order being written. */
    private static final class ByOrder {

        private final ResultSet rows;
        private boolean pending;

        ByOrder(ResultSet rows) throws SQLException {
            this.rows = rows;
            this.pending = rows.next();
        }

        interface Row<T> {
            T read(ResultSet rs) throws SQLException;
        }

        <T> List<T> of(long orderId, Row<T> row) throws SQLException {
            List<T> found = new ArrayList<>(2);
            while (pending && rows.getLong("order_id") <= orderId) {
                if (rows.getLong("order_id") == orderId) {
                    found.add(row.read(rows));
                }
                pending = rows.next();
            }
            return found;
        }
    }
}
